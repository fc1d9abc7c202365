package dev.stageport.console;

import dev.stageport.identity.Caller;
import dev.stageport.identity.ConsoleCallers;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves a {@link Viewer} from the console session; a user suspended since signing in is signed out. */
@Component
class ViewerResolver implements HandlerMethodArgumentResolver {

    /** Thrown when the session's user may no longer sign in; {@link ConsoleErrors} ends the session. */
    static final class SignedOut extends RuntimeException {
        SignedOut() {
            super("The console user is suspended or deleted.");
        }
    }

    private final ConsoleCallers callers;

    ViewerResolver(ConsoleCallers callers) {
        this.callers = callers;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Viewer.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        Viewer viewer = currentOrNull();
        if (viewer == null) {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.isAuthenticated()) {   // signed in, but suspended or deleted since
                request.getNativeRequest(HttpServletRequest.class).getSession().invalidate();
            }
            throw new SignedOut();
        }
        return viewer;
    }

    /** The signed-in, still active console user of this request, or null: error pages show the menu only then. */
    Viewer currentOrNull() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return null;
        }
        Caller caller = callers.activeOrNull(auth.getName(), auth instanceof OAuth2AuthenticationToken);
        return caller == null ? null : new Viewer(auth.getName(), caller);
    }
}
