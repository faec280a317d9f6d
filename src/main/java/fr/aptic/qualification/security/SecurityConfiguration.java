package fr.aptic.qualification.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aptic.qualification.web.FieldError;
import fr.aptic.qualification.web.ProblemHandler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what. The engine REST API and our staff endpoints take HTTP Basic against the engine's
 * identity service and keep no session; our API also reads a Tasklist session for GETs. The webapps
 * (Cockpit, Tasklist, Admin) run their own login and CSRF protection (Camunda's CsrfPreventionFilter).
 * A login while the engine locks the user after failed attempts is a 429 with Retry-After.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    private final ObjectMapper objectMapper;

    SecurityConfiguration(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Bean
    AuthenticationManager authenticationManager(CamundaIdentityAuthenticationProvider provider) {
        return new ProviderManager(provider);
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, AuthenticationManager manager, IdentityService identity)
            throws Exception {
        // Path matchers, not MVC ones: the engine REST API is served by Jersey, outside the DispatcherServlet.
        // Basic only: no session cookie exists that a forged cross-site request could ride.
        return basicOnly(
                        http.securityMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")),
                        manager,
                        SessionCreationPolicy.STATELESS)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .addFilterAfter(new EngineIdentityFilter(identity), BasicAuthenticationFilter.class)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager manager, IdentityService identity)
            throws Exception {
        // Writes need Basic credentials (a cookie never authorises a write), so CSRF cannot apply.
        return basicOnly(
                        http.securityMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher("/api/**")),
                        manager,
                        SessionCreationPolicy.NEVER)
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.POST, "/api/applications")
                        .permitAll()
                        // Token-holders reach these; the controller checks the token or the staff role.
                        .requestMatchers(HttpMethod.GET, "/api/applications/*")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/applications/*/complements",
                                "/api/applications/*/withdrawal",
                                "/api/applications/*/renewal")
                        .permitAll()
                        // The producer reads its qualification with its token; staff with Basic.
                        .requestMatchers(HttpMethod.GET, "/api/qualifications/*")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/places", "/api/places.geojson", "/api/places.csv")
                        .permitAll()
                        // A campaign's invitation link: the controller checks the invitation token.
                        .requestMatchers(HttpMethod.POST, "/api/campaigns/*/applications")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(new TasklistSessionAuthenticationFilter(), BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineIdentityFilter(identity), BasicAuthenticationFilter.class)
                .build();
    }

    /**
     * Actuator: {@code health} (and its liveness and readiness groups) answers UP or DOWN to anyone, for load
     * balancers and orchestrators; its details, {@code info} and {@code prometheus} are for staff only (HTTP
     * Basic, as a Prometheus scrape job sends it).
     */
    @Bean
    @Order(3)
    SecurityFilterChain actuator(HttpSecurity http, AuthenticationManager manager) throws Exception {
        return basicOnly(
                        http.securityMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher("/actuator/**")),
                        manager,
                        SessionCreationPolicy.STATELESS)
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/actuator/health"),
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/actuator/health/**"))
                        .permitAll()
                        .anyRequest()
                        .hasAnyAuthority(AccessSetup.ADMIN, AccessSetup.NATIONAL))
                .build();
    }

    /** After every other chain (the pages' is {@code site.SiteSecurity}, order 4): whatever is left. */
    @Bean
    @Order(10)
    SecurityFilterChain webapps(HttpSecurity http) throws Exception {
        // Cockpit, Tasklist and Admin authenticate users and check CSRF themselves. Admin's "create the first
        // administrator" page would hand the engine to the first visitor of an instance started without
        // APTIC_ADMIN_USER: the administrator comes from the environment only.
        return http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                PathPatternRequestMatcher.withDefaults().matcher("/camunda/api/admin/setup/**"))
                        .denyAll()
                        .anyRequest()
                        .permitAll())
                .exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, exception) ->
                                writeProblem(response, HttpStatus.FORBIDDEN, "Vous n'avez pas accès à cette ressource"))
                        .accessDeniedHandler(forbidden()))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
    }

    /**
     * What the chains of data (engine REST, our API, Actuator) share: HTTP Basic against the engine's users,
     * nothing kept in a session, no CSRF (no cookie authorises a write), the API's headers, and problem answers
     * for 401 and 403.
     */
    private HttpSecurity basicOnly(HttpSecurity http, AuthenticationManager manager, SessionCreationPolicy sessions)
            throws Exception {
        return http.authenticationManager(manager)
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized()))
                .sessionManagement(session -> session.sessionCreationPolicy(sessions))
                .securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
                .csrf(csrf -> csrf.disable())
                .headers(SecurityConfiguration::apiHeaders)
                .exceptionHandling(
                        ex -> ex.authenticationEntryPoint(unauthorized()).accessDeniedHandler(forbidden()));
    }

    /**
     * Our API and the engine REST API answer data, never pages: nothing may run, load or frame them (CSP),
     * nothing is sniffed or cached, and HSTS goes out on every response that came over HTTPS (the proxy in
     * front terminates TLS; see the README).
     */
    private static void apiHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(
                        csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'; base-uri 'none'"))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }

    /** Requests the firewall refuses (encoded slashes, NUL, "..") get a problem, not Tomcat's error page. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, exception) -> writeProblem(
                response,
                HttpStatus.BAD_REQUEST,
                "Adresse de requête refusée (caractères interdits)",
                List.of(FieldError.of("url", "caractères interdits dans l'adresse")));
    }

    private AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> {
            if (exception instanceof LoginThrottledException throttled) {
                WebappLoginThrottleFilter.tooManyAttempts(response, throttled.lock(), objectMapper);
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"aptic\", charset=\"UTF-8\"");
            writeProblem(response, HttpStatus.UNAUTHORIZED, "Authentification requise");
        };
    }

    private AccessDeniedHandler forbidden() {
        return (request, response, exception) ->
                writeProblem(response, HttpStatus.FORBIDDEN, "Vous n'avez pas accès à cette ressource");
    }

    private void writeProblem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        writeProblem(response, status, detail, List.of());
    }

    private void writeProblem(HttpServletResponse response, HttpStatus status, String detail, List<FieldError> errors)
            throws IOException {
        ProblemHandler.write(response, objectMapper, status, detail, errors);
    }
}
