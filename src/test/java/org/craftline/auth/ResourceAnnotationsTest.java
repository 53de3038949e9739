package org.craftline.auth;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.craftline.testing.CompiledClasses;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

/**
 * No route may be reachable without a decision about who may use it: every resource method carries
 * {@code @RolesAllowed}, {@code @PermitAll} (any valid token), {@code @DenyAll} or {@link Public}
 * (no token). Resources are found by scanning the
 * compiled classes, so a new resource is checked without anyone remembering to list it.
 */
@NoDatabase
class ResourceAnnotationsTest {

    @Test
    void everyResourceMethodDeclaresWhoMayCallIt() throws Exception {
        List<Class<?>> resources = resourceClasses();
        List<String> undecided = new ArrayList<>();
        int methods = 0;
        for (Class<?> resource : resources) {
            for (Method method : resource.getDeclaredMethods()) {
                if (!isRoute(method)) {
                    continue;
                }
                methods++;
                if (!method.isAnnotationPresent(RolesAllowed.class) && !method.isAnnotationPresent(PermitAll.class)
                        && !method.isAnnotationPresent(DenyAll.class) && !method.isAnnotationPresent(Public.class)) {
                    undecided.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }

        assertThat(resources).extracting(Class::getSimpleName).contains(
                "WorkerResource", "TaskResource", "EventResource", "ReportResource", "TokenResource", "WorkerTokenResource");
        assertThat(methods).isGreaterThanOrEqualTo(17);
        assertThat(undecided).as("resource methods without an access rule").isEmpty();
    }

    private static boolean isRoute(Method method) {
        return Arrays.stream(method.getAnnotations())
                .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
    }

    private static List<Class<?>> resourceClasses() throws IOException, URISyntaxException {
        return CompiledClasses.all().stream().filter(type -> type.isAnnotationPresent(Path.class)).toList();
    }
}
