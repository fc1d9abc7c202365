package dev.stageport.portfolio;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PortfolioRepository {

    private static final String COLUMNS = "portfolio_key, name, hosting_type, is_main";

    private final JdbcClient jdbc;

    public PortfolioRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every portfolio, the main one first. */
    public List<Portfolio> all() {
        return jdbc.sql("select " + COLUMNS + " from portfolio order by is_main desc, lower(name), portfolio_key")
                .query(PortfolioRepository::map).list();
    }

    public Optional<Portfolio> find(String key) {
        return jdbc.sql("select " + COLUMNS + " from portfolio where portfolio_key = ?").param(key)
                .query(PortfolioRepository::map).optional();
    }

    /** True when the portfolio exists (and now has this name). */
    public boolean rename(String key, String name) {
        return jdbc.sql("update portfolio set name = ? where portfolio_key = ?").params(name, key).update() == 1;
    }

    private static Portfolio map(ResultSet rs, int row) throws SQLException {
        return new Portfolio(rs.getString("portfolio_key"), rs.getString("name"), rs.getString("hosting_type"),
                rs.getBoolean("is_main"));
    }
}
