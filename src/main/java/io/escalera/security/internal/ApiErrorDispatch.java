package io.escalera.security.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The error page of a REST call, answered in the API's own terms. An error that Tomcat sends to {@code /error} (no
 * such resource, a method not allowed, an exception that escaped the filters) is dispatched again, and that dispatch
 * went through the screens' filter chain: 302 to {@code /login} and a new HTTP session for every such call (issue 30,
 * found by the load harness). Such dispatches are matched to the API chain ({@link #OF_AN_API_CALL}) and answered
 * here, as the same problem details as every other refusal, without a session.
 */
final class ApiErrorDispatch extends OncePerRequestFilter {

    /** An error dispatch whose original request was a REST call. */
    static final RequestMatcher OF_AN_API_CALL = request -> request.getDispatcherType() == DispatcherType.ERROR
            && request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
            && uri.startsWith(request.getContextPath() + "/api/");

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!OF_AN_API_CALL.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400 ? code : 500;
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "There is no such resource.";
            case 405 -> "This resource does not take this method.";
            case 500 -> "Something went wrong on our side; nothing was changed. The error is in the server's log.";
            default -> title + ".";
        };
        ApiProblems.write(response, status, title, detail, (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
    }
}
