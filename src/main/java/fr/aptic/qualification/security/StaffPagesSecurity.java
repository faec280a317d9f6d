package fr.aptic.qualification.security;

import fr.aptic.qualification.web.PagePolicy;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The signed-in pages: network partners' ({@code /partenaires}) and the steering team's ({@code /pilotage}).
 * People sign in on our French page ({@code /connexion}) with their Tasklist identifier and password (the engine's
 * users, the same throttling after failed attempts); the session then carries them, every form a CSRF token
 * (kept in the session), and the engine sees the user and groups for the length of each request, so its
 * authorizations apply to what a page does. A partner's users reach {@code /partenaires} (each service then
 * limits them to their own network); the national team, the back office and administrators reach it too. Only
 * the national team, process owners and administrators reach {@code /pilotage}. Others are refused with the
 * French error page.
 */
@Configuration
class StaffPagesSecurity {

    static final String LOGIN = "/connexion";

    static final Set<String> PARTNER_STAFF = Set.of(AccessSetup.NATIONAL, AccessSetup.ADMIN, AccessSetup.BACK_OFFICE);
    static final Set<String> STEERING = Set.of(AccessSetup.NATIONAL, AccessSetup.ADMIN, AccessSetup.PROCESS_OWNERS);

    @Bean
    @Order(5)
    SecurityFilterChain staffPages(HttpSecurity http, AuthenticationManager manager, IdentityService identity)
            throws Exception {
        return http.securityMatcher(
                        LOGIN, "/deconnexion", "/partenaires", "/partenaires/**", "/pilotage", "/pilotage/**")
                .authenticationManager(manager)
                .authorizeHttpRequests(auth -> auth.requestMatchers(LOGIN)
                        .permitAll()
                        .requestMatchers("/partenaires", "/partenaires/**")
                        .access(partners())
                        .requestMatchers("/pilotage", "/pilotage/**")
                        .access(anyOf(STEERING))
                        .anyRequest()
                        .authenticated())
                .formLogin(login -> login.loginPage(LOGIN)
                        .successHandler(new HomeAfterSignIn())
                        .usernameParameter("identifiant")
                        .passwordParameter("motdepasse")
                        .failureHandler((request, response, exception) ->
                                response.sendRedirect(request.getContextPath() + LOGIN + failure(exception))))
                .logout(logout -> logout.logoutUrl("/deconnexion").logoutSuccessUrl(LOGIN + "?deconnecte"))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(PagePolicy.contentSecurityPolicy("")))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
                                .maxAgeInSeconds(Duration.ofDays(365).toSeconds())))
                .addFilterAfter(new EngineIdentityFilter(identity), AnonymousAuthenticationFilter.class)
                .build();
    }

    /** What the sign-in page says after a refusal: a wrong password, or a lock and its remaining seconds. */
    static String failure(Exception exception) {
        if (exception instanceof LoginThrottledException throttled) {
            return throttled
                    .lock()
                    .retryAfterSeconds()
                    .map(seconds -> "?bloque=" + Math.max(1, seconds))
                    .orElse("?bloque=definitivement");
        }
        return "?erreur";
    }

    /**
     * Where a sign-in leads: the page that asked for it, else the user's own: the steering page for the national
     * team and process owners, the partners' pages for a network's users and the back office, Tasklist for others.
     */
    static final class HomeAfterSignIn
            extends org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler {

        @Override
        protected String determineTargetUrl(
                jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response,
                Authentication authentication) {
            java.util.List<String> groups = authentication.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .toList();
            if (groups.stream().anyMatch(STEERING::contains)) {
                return "/pilotage";
            }
            if (groups.stream().anyMatch(g -> g.startsWith("network-") || PARTNER_STAFF.contains(g))) {
                return "/partenaires";
            }
            return "/camunda/app/tasklist/";
        }
    }

    /** A network's users (any {@code network-…} group) and the staff who follow networks. */
    static AuthorizationManager<RequestAuthorizationContext> partners() {
        return (authentication, context) -> new AuthorizationDecision(groups(authentication)
                .anyMatch(group -> group.startsWith("network-") || PARTNER_STAFF.contains(group)));
    }

    static AuthorizationManager<RequestAuthorizationContext> anyOf(Set<String> allowed) {
        return (authentication, context) ->
                new AuthorizationDecision(groups(authentication).anyMatch(allowed::contains));
    }

    private static java.util.stream.Stream<String> groups(Supplier<Authentication> authentication) {
        Authentication user = authentication.get();
        if (user == null || !user.isAuthenticated() || "anonymousUser".equals(user.getName())) {
            return java.util.stream.Stream.empty();
        }
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority);
    }
}
