package dev.stageport.console;

import dev.stageport.deployments.DeploymentOperation;
import dev.stageport.deployments.MessageDetailsV1TaskProgressMessage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * The operation page's fragments rendered outside a request, for the console's event stream:
 * the same markup the page and the polling route show, from the same template.
 */
@Component
class LiveFragments {

    static final String ENDED = "<p class=\"note\" id=\"op-ended\">The operation ended.</p>";

    private final ITemplateEngine templates;
    private final ThymeleafEvaluationContext beans;

    LiveFragments(ITemplateEngine templates, ApplicationContext context) {
        this.templates = templates;
        this.beans = new ThymeleafEvaluationContext(context, null);
    }

    String status(DeploymentOperation op) {
        return render("status", Map.of("op", op));
    }

    String messages(List<MessageDetailsV1TaskProgressMessage> messages) {
        return render("message", Map.of("messages", messages));
    }

    /** One line: an event's data is sent as one data field, and whitespace means nothing between these tags. */
    private String render(String fragment, Map<String, Object> variables) {
        Context context = new Context(Locale.ENGLISH, variables);
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, beans);
        return templates.process("operation", Set.of(fragment), context).replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
