package org.craftline.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A route anyone may call without a token (the API's own description). It stands where
 * {@code @RolesAllowed}, {@code @PermitAll} or {@code @DenyAll} would: a method with none of them
 * gets no authentication filter, and this says that was decided, not forgotten. {@code @PermitAll}
 * here means any valid token.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Public {
}
