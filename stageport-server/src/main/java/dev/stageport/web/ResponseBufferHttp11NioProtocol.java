package dev.stageport.web;

import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SocketProperties;

/**
 * Tomcat's NIO connector with a settable size of the response buffer it gives every new request
 * (Tomcat's HTTP connector has no setting for it: 8 KB bytes plus 8 K chars, held for as long as
 * the request is open). Named in {@link TomcatConfiguration}; the size comes from
 * {@link ConnectionBuffers#followerResponseBuffer()}.
 */
public class ResponseBufferHttp11NioProtocol extends Http11NioProtocol {

    private int desiredBufferSize = -1;

    /** Zero or less: Tomcat's default. */
    public void setDesiredBufferSize(int bytes) {
        this.desiredBufferSize = bytes;
    }

    @Override
    public int getDesiredBufferSize() {
        return desiredBufferSize;
    }

    /** The endpoint's socket settings, among them the per-connection read and write buffers. */
    public SocketProperties socketProperties() {
        return getEndpoint().getSocketProperties();
    }
}
