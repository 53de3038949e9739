package org.craftline.auth;

import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import java.time.Clock;
import org.craftline.access.Caller;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/** Puts bearer-token authentication and role checks in front of every resource method. */
public final class Authentication {

    private Authentication() {
    }

    public static void register(JerseyEnvironment jersey, TokenDao tokens, Clock clock) {
        jersey.register(new AccessTokenInQueryFilter());
        jersey.register(new AuthDynamicFeature(new OAuthCredentialAuthFilter.Builder<Caller>()
                .setAuthenticator(new TokenAuthenticator(tokens, clock))
                .setAuthorizer(new RoleAuthorizer())
                .setUnauthorizedHandler(new ProblemUnauthorizedHandler())
                .setPrefix("Bearer")
                .setRealm("craftline")
                .buildAuthFilter()));
        jersey.register(RolesAllowedDynamicFeature.class);
        jersey.register(new AuthValueFactoryProvider.Binder<>(Caller.class));
    }
}
