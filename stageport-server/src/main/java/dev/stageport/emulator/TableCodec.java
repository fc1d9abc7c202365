package dev.stageport.emulator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * One table's rows as compressed bytes and back, typed by the columns' JDBC types
 * (the types the migrations use: text, whole numbers, booleans, binary, timestamps
 * with time zone), so the same snapshot reads back on H2 and on PostgreSQL.
 */
final class TableCodec {

    private TableCodec() {
    }

    /** Writes every row of the result set; returns how many. */
    static int write(ResultSet rows, List<AppTables.Column> columns, ByteArrayOutputStream target)
            throws SQLException {
        int count = 0;
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(target))) {
            while (rows.next()) {
                out.writeBoolean(true);
                for (int i = 0; i < columns.size(); i++) {
                    writeValue(out, rows, i + 1, columns.get(i).jdbcType());
                }
                count++;
            }
            out.writeBoolean(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }

    /** Adds a batch entry to the insert for every row in {@code content}. */
    static void read(byte[] content, List<AppTables.Column> columns, PreparedStatement insert) throws SQLException {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(content)))) {
            while (in.readBoolean()) {
                for (int i = 0; i < columns.size(); i++) {
                    readValue(in, insert, i + 1, columns.get(i).jdbcType());
                }
                insert.addBatch();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeValue(DataOutputStream out, ResultSet rs, int i, int type)
            throws SQLException, IOException {
        switch (type) {
            case Types.BIGINT -> {
                long value = rs.getLong(i);
                writeNull(out, rs.wasNull());
                if (!rs.wasNull()) {
                    out.writeLong(value);
                }
            }
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
                int value = rs.getInt(i);
                writeNull(out, rs.wasNull());
                if (!rs.wasNull()) {
                    out.writeInt(value);
                }
            }
            case Types.BOOLEAN, Types.BIT -> {
                boolean value = rs.getBoolean(i);
                writeNull(out, rs.wasNull());
                if (!rs.wasNull()) {
                    out.writeBoolean(value);
                }
            }
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] value = rs.getBytes(i);
                writeNull(out, value == null);
                if (value != null) {
                    out.writeInt(value.length);
                    out.write(value);
                }
            }
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> {
                OffsetDateTime value = rs.getObject(i, OffsetDateTime.class);
                writeText(out, value == null ? null : value.toString());
            }
            case Types.NUMERIC, Types.DECIMAL, Types.DOUBLE, Types.FLOAT, Types.REAL -> {
                BigDecimal value = rs.getBigDecimal(i);
                writeText(out, value == null ? null : value.toString());
            }
            default -> writeText(out, rs.getString(i));
        }
    }

    private static void readValue(DataInputStream in, PreparedStatement insert, int i, int type)
            throws SQLException, IOException {
        if (in.readBoolean()) {
            insert.setNull(i, type);
            return;
        }
        switch (type) {
            case Types.BIGINT -> insert.setLong(i, in.readLong());
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> insert.setInt(i, in.readInt());
            case Types.BOOLEAN, Types.BIT -> insert.setBoolean(i, in.readBoolean());
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] value = new byte[in.readInt()];
                in.readFully(value);
                insert.setBytes(i, value);
            }
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP ->
                    insert.setObject(i, OffsetDateTime.parse(readText(in)));
            case Types.NUMERIC, Types.DECIMAL, Types.DOUBLE, Types.FLOAT, Types.REAL ->
                    insert.setBigDecimal(i, new BigDecimal(readText(in)));
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR ->
                    insert.setString(i, readText(in));
            default -> insert.setObject(i, readText(in), type);
        }
    }

    private static void writeNull(DataOutputStream out, boolean isNull) throws IOException {
        out.writeBoolean(isNull);
    }

    /** Text longer than writeUTF's 64 KB limit is common (schemas, logs): length-prefixed UTF-8 instead. */
    private static void writeText(DataOutputStream out, String value) throws IOException {
        writeNull(out, value == null);
        if (value != null) {
            byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
}
