package dev.stageport.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class OnceEachRequestTest {

    private final List<String> ran = new ArrayList<>();

    private final class Counting extends OnceEachRequest {
        private final String name;

        Counting(String name) {
            this.name = name;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws jakarta.servlet.ServletException, java.io.IOException {
            ran.add(name);
            chain.doFilter(request, response);
        }
    }

    private final class Other extends OnceEachRequest {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws jakarta.servlet.ServletException, java.io.IOException {
            ran.add("other");
            chain.doFilter(request, response);
        }
    }

    @Test
    void aFilterReachedAgainWithinTheSameRequestRunsOnceAndLeavesNoAttributeBehind() throws Exception {
        Counting filter = new Counting("first");
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");
        // the chain passes the request through the same filter again, as a forward would
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> filter.doFilter(req, res, new MockFilterChain()));

        assertThat(ran).containsExactly("first");
        assertThat(Collections.list(request.getAttributeNames())).isEmpty();
    }

    @Test
    void twoDifferentFiltersEachRunOnTheSameRequest() throws Exception {
        Counting counting = new Counting("counting");
        Other other = new Other();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");

        counting.doFilter(request, new MockHttpServletResponse(), (req, res) -> other.doFilter(req, res, new MockFilterChain()));

        assertThat(ran).containsExactly("counting", "other");
    }
}
