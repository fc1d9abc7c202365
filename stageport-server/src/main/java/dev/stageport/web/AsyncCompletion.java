package dev.stageport.web;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Runs an action once an asynchronous answer completes, when its status is known at last. */
public final class AsyncCompletion implements AsyncListener {

    /** What to do on completion. */
    public interface Action {
        void run() throws IOException;
    }

    private final Action action;

    private AsyncCompletion(Action action) {
        this.action = action;
    }

    public static void whenComplete(HttpServletRequest request, Action action) {
        request.getAsyncContext().addListener(new AsyncCompletion(action));
    }

    @Override
    public void onComplete(AsyncEvent event) throws IOException {
        action.run();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
    }

    @Override
    public void onError(AsyncEvent event) {
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
    }
}
