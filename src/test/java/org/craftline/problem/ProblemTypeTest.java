package org.craftline.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@NoDatabase
class ProblemTypeTest {

    @ParameterizedTest
    @EnumSource(ProblemType.class)
    void apiReference_listsEveryTypeWithItsStatus(ProblemType type) throws IOException {
        String readme = Files.readString(Path.of("docs", "api.md"));

        assertThat(readme).contains("| `" + type.uri() + "` | " + type.status() + " |");
    }

    @Test
    void everyType_hasItsOwnUri() {
        assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::uri)).doesNotHaveDuplicates();
    }

    @Test
    void forStatus_givesTheGeneralTypeOfAStatus() {
        assertThat(ProblemType.forStatus(400)).isEqualTo(ProblemType.BAD_REQUEST);
        assertThat(ProblemType.forStatus(404)).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(ProblemType.forStatus(415)).isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE);
        assertThat(ProblemType.forStatus(418)).isEqualTo(ProblemType.BAD_REQUEST);
        assertThat(ProblemType.forStatus(502)).isEqualTo(ProblemType.INTERNAL);
    }

    @Test
    void apiException_buildsItsProblemFromTheTable() {
        Problem problem = ApiException.badParameter("limit", "must be a whole number").problem();

        assertThat(problem.type()).isEqualTo(ProblemType.INVALID_PARAMETER.uri());
        assertThat(problem.title()).isEqualTo(ProblemType.INVALID_PARAMETER.title());
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("limit", "must be a whole number"));
    }
}
