package dev.stageport.runtime;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of simulated_runtime_call: the calls the simulated runtime received, one row each. */
@Repository
public class SimulatedCallRepository {

    private final JdbcClient jdbc;

    public SimulatedCallRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String operationKey, String step, String replica, Instant at) {
        jdbc.sql("insert into simulated_runtime_call (op_key, step, replica, at) values (?, ?, ?, ?)")
                .params(operationKey, step, replica, Timestamp.from(at))
                .update();
    }

    public int count(String operationKey, String step) {
        return jdbc.sql("select count(*) from simulated_runtime_call where op_key = ? and step = ?")
                .params(operationKey, step)
                .query(Integer.class)
                .single();
    }
}
