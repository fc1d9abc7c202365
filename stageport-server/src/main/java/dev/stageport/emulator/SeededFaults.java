package dev.stageport.emulator;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code faults:} of a scenario seed, each rule as the JSON the seed gave, in seed
 * order (table emulator_seed_fault). The fault-rule feature reads them from here; a
 * reset brings them back with the rest of the seed state.
 */
@Repository
public class SeededFaults {

    private final JdbcClient jdbc;

    public SeededFaults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void replace(List<String> rules) {
        jdbc.sql("delete from emulator_seed_fault").update();
        for (int i = 0; i < rules.size(); i++) {
            jdbc.sql("insert into emulator_seed_fault (position, rule_json) values (?, ?)").params(i, rules.get(i))
                    .update();
        }
    }

    /** The seeded rules as JSON objects, in seed order. */
    public List<String> all() {
        return jdbc.sql("select rule_json from emulator_seed_fault order by position").query(String.class).list();
    }
}
