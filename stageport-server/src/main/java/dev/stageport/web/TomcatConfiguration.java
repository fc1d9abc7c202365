package dev.stageport.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes Tomcat's own error answers (before any filter runs) ProblemDetails, see {@link ProblemReportValve},
 * and sizes the buffers every open request holds, see {@link ConnectionBuffers}.
 */
@Configuration(proxyBeanMethods = false)
public class TomcatConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectionBuffers(ConnectionBuffers buffers) {
        return factory -> {
            factory.setProtocol(ResponseBufferHttp11NioProtocol.class.getName());
            factory.addEngineValves(new RequestReaderBuffer(buffers.bytes(buffers.requestReaderBuffer())));
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof ResponseBufferHttp11NioProtocol protocol) {
                    protocol.setDesiredBufferSize(buffers.bytes(buffers.followerResponseBuffer()));
                    protocol.socketProperties().setAppReadBufSize(buffers.bytes(buffers.socketReadBuffer()));
                    protocol.socketProperties().setAppWriteBufSize(buffers.bytes(buffers.socketWriteBuffer()));
                    protocol.setMaxTrailerSize(buffers.bytes(buffers.requestTrailerBuffer()));
                }
            });
        };
    }
}
