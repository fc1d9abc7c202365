package dev.stageport.emulator;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The endpoints the server has, from Spring MVC's handler mappings, so a fault rule cannot name a typo. */
@Component
@ConditionalOnProperty(name = EmulatorMode.PROPERTY, havingValue = EmulatorMode.ON)
class HandlerEndpoints implements FaultRuleValidator.KnownEndpoints {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private volatile Set<String> served;

    HandlerEndpoints(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public boolean serves(String method, String normalTemplate) {
        Set<String> known = served;
        if (known == null) {
            known = load();
            served = known;
        }
        return known.contains(method + " " + normalTemplate) || known.contains("ANY " + normalTemplate);
    }

    private Set<String> load() {
        Set<String> known = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getObject().getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                String normal = PathTemplate.normal(pattern);
                if (methods.isEmpty()) {
                    known.add("ANY " + normal);
                }
                methods.forEach(m -> known.add(m.name() + " " + normal));
            }
        }
        return known;
    }
}
