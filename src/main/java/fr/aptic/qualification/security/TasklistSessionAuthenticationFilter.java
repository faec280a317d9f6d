package fr.aptic.qualification.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Accepts the Tasklist session on our API for reads, so a reviewer logged in to Tasklist can open an
 * application's details. Writes always need HTTP Basic: a cookie a forged cross-site request could carry
 * never changes anything.
 */
class TasklistSessionAuthenticationFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        boolean safe = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
        if (safe && session != null && SecurityContextHolder.getContext().getAuthentication() == null) {
            Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
            if (authentications != null) {
                for (UserAuthentication user : authentications.getAuthentications()) {
                    var authorities = user.getGroupIds().stream()
                            .map(SimpleGrantedAuthority::new)
                            .toList();
                    var token = new UsernamePasswordAuthenticationToken(user.getName(), null, authorities);
                    SecurityContextHolder.getContext().setAuthentication(token);
                    break;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
