package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.craftline.testing.CompiledClasses;
import org.craftline.testing.NoDatabase;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.Test;

/** Every DAO interface is read into the Jdbi's cache at start-up, so that no request reads it again. */
@NoDatabase
class CraftlineDaosTest {

    @Test
    void everyDaoInterface_isWarmedAtStartUp() throws Exception {
        List<Class<?>> daos = CompiledClasses.all().stream()
                .filter(Class::isInterface)
                .filter(type -> SqlObject.class.isAssignableFrom(type) || Arrays.stream(type.getDeclaredMethods())
                        .anyMatch(m -> m.isAnnotationPresent(SqlQuery.class) || m.isAnnotationPresent(SqlUpdate.class)
                                || m.isAnnotationPresent(SqlBatch.class)))
                .toList();

        assertThat(daos).hasSizeGreaterThanOrEqualTo(6);
        assertThat(CraftlineDaos.ALL).containsExactlyInAnyOrderElementsOf(daos);
    }
}
