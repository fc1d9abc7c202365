package dev.stageport;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded file database in the data folder by default; any JDBC URL (PostgreSQL)
 * through STAGEPORT_DB_URL. H2 refuses implicitly relative paths, so the data folder
 * is made absolute here whatever form the user gave it.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    /**
     * DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook would close the database while Spring's
     * graceful shutdown still lets the workers finish their tick; the pool closes it last instead.
     * H2's write delay stays: it writes commits to its file up to half a second later, in one store,
     * and {@link DurableWrites} makes them durable where an answer depends on them (before a request
     * that changes something is answered, at the engine's step boundaries with an effect and its end).
     * WRITE_DELAY=0 did that for every commit and cost the engine a third of its CPU time.
     */
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";DB_CLOSE_ON_EXIT=FALSE";

    @Bean
    DataSource dataSource(StageportProperties properties,
                          @Value("${stageport.db.url:}") String url,
                          @Value("${stageport.db.user:}") String user,
                          @Value("${stageport.db.password:}") String password,
                          @Value("${stageport.db.pool-size:12}") int poolSize) {
        HikariDataSource dataSource = new HikariDataSource();
        if (url.isBlank()) {
            Path file = properties.dataDir().toAbsolutePath().normalize().resolve("stageport");
            dataSource.setJdbcUrl("jdbc:h2:file:" + file + H2_OPTIONS);
            dataSource.setUsername(user.isBlank() ? "sa" : user);
        } else {
            dataSource.setJdbcUrl(url);
            dataSource.setUsername(user);
        }
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName("stageport");
        return dataSource;
    }
}
