package fr.aptic.qualification.site;

import fr.aptic.qualification.web.PagePolicy;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The pages' security: nobody signs in and nothing is kept in a session; every form carries a CSRF token (double
 * submit: a cookie of its own, not the webapps' {@code XSRF-TOKEN}); a content security policy lets only the
 * app's own scripts, styles and fonts run, and images from the app and the map's tile server; no page may be
 * framed; the tracking and renewal tokens in a URL never leave in a Referer.
 */
@Configuration
@EnableConfigurationProperties(SiteProperties.class)
class SiteSecurity {

    static final String[] PATHS = {
        "/",
        "/devenir",
        "/devenir/**",
        "/suivi/**",
        "/renouvellement/**",
        "/carte",
        "/dsfr/**",
        "/webjars/**",
        "/css/**",
        "/js/**",
        "/favicon.ico"
    };

    @Bean
    @Order(4)
    SecurityFilterChain pages(
            HttpSecurity http,
            SiteProperties properties,
            @Value("${server.servlet.session.cookie.secure:true}") boolean secureCookies)
            throws Exception {
        CookieCsrfTokenRepository csrf = new CookieCsrfTokenRepository();
        csrf.setCookieName("aptic_csrf");
        csrf.setCookieCustomizer(
                cookie -> cookie.secure(secureCookies).sameSite("Lax").path("/").httpOnly(true));
        String tiles = properties.map().origin();
        return http.securityMatcher(PATHS)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .csrf(c -> c.csrfTokenRepository(csrf))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(PagePolicy.contentSecurityPolicy(tiles)))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
                                .maxAgeInSeconds(Duration.ofDays(365).toSeconds())))
                .build();
    }
}
