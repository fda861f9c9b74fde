package io.hyperscalelab.security;

import com.vaadin.flow.spring.security.VaadinSavedRequestAwareAuthenticationSuccessHandler;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import java.security.SecureRandom;
import java.util.Base64;
import javax.sql.DataSource;
import org.apache.tomcat.util.http.Rfc6265CookieProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;

/**
 * Every request passes these rules: Vaadin's (its own requests and static resources are open,
 * views need sign-in unless marked {@code @AnonymousAllowed}, CSRF for everything that is not
 * Vaadin's own token-protected traffic), form sign-in behind the throttle, and
 * "Stay signed in" remember-me logins.
 *
 * <p>The one {@link AuthenticationManager} is built here on purpose: with Spring's global one as a
 * parent, a sign-in refused by the throttle would be retried by the parent without it.
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties({SignInProperties.class, InstructorProperties.class})
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                            SignInSuccessHandler success, SignInFailureHandler failure,
                                            StaySignedIn staySignedIn) throws Exception {
        http.authenticationManager(authenticationManager);
        // a refusal (403 for a missing CSRF token) must reach the browser as such, not as a
        // redirect to sign-in because the error page itself would need a signed-in user
        http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll());
        // the lab guide's figures: the lab panel shows them beside the sign-in pages too
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/images/**").permitAll());
        // Vaadin installs this success handler on the form login it configures
        http.setSharedObject(VaadinSavedRequestAwareAuthenticationSuccessHandler.class, success);
        // the login page is set here too, before Vaadin does: otherwise Spring enables its generated one
        http.formLogin(form -> form.loginPage("/" + SignInView.ROUTE)
                .loginProcessingUrl("/" + SignInView.PASSWORD_POST)
                .failureHandler(failure));
        http.rememberMe(rememberMe -> rememberMe.rememberMeServices(staySignedIn).key(staySignedIn.getKey()));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(SignInView.class)).build();
    }

    @Bean
    AuthenticationManager authenticationManager(AccountUserDetailsService users, PasswordEncoder passwordEncoder,
                                                SignInThrottle throttle, StaySignedIn staySignedIn) {
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(users);
        passwordCheck.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(new ThrottledAuthenticationProvider(passwordCheck, throttle),
                new RememberMeAuthenticationProvider(staySignedIn.getKey()));
    }

    /** bcrypt today, and any hash Spring Security knows tomorrow: each hash says which one made it. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    // The key only signs the in-memory remember-me authentication; the cookies themselves are
    // checked against the token table, so a new key per start logs nobody out.
    @Bean
    StaySignedIn staySignedIn(AccountUserDetailsService users, DataSource dataSource, SignInProperties properties) {
        JdbcTokenRepositoryImpl tokens = new JdbcTokenRepositoryImpl();
        tokens.setDataSource(dataSource);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        StaySignedIn staySignedIn = new StaySignedIn(Base64.getEncoder().encodeToString(key), users, tokens);
        staySignedIn.setTokenValiditySeconds((int) properties.rememberMe().toSeconds());
        return staySignedIn;
    }

    /** Every cookie the app sets (session, remember-me, lab, known accounts) is SameSite=Lax. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> sameSiteCookies() {
        return factory -> factory.addContextCustomizers(context -> {
            Rfc6265CookieProcessor processor = new Rfc6265CookieProcessor();
            processor.setSameSiteCookies("Lax");
            context.setCookieProcessor(processor);
        });
    }
}
