package org.craftline.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.craftline.problem.Problem;
import org.craftline.problem.ProblemType;

/** A problem body written by a servlet or a servlet filter, where no JAX-RS exception mapper reaches. */
public final class ServletProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServletProblems() {
    }

    public static void write(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        response.setStatus(type.status());
        response.setContentType(Problem.MEDIA_TYPE);
        JSON.writeValue(response.getOutputStream(), type.problem(detail));
    }
}
