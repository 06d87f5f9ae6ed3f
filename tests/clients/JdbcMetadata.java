// What Metabase, DBeaver and other JDBC tools see of envwh serve: pgjdbc's DatabaseMetaData.
// Run by tests/integration/test_serve_clients.py: javac, then
//   java -cp /usr/share/java/postgresql.jar:DIR JdbcMetadata URL USER PASSWORD SCHEMA TABLE
// Prints one line per fact, tab-separated: table, column, primary key, row, product.
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

public class JdbcMetadata {
    public static void main(String[] args) throws Exception {
        String url = args[0], user = args[1], password = args[2], schema = args[3], table = args[4];
        try (Connection con = DriverManager.getConnection(url, user, password)) {
            DatabaseMetaData meta = con.getMetaData();
            System.out.println("product\t" + meta.getDatabaseProductName() + "\t"
                    + meta.getDatabaseProductVersion() + "\t" + meta.getDriverVersion());
            try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE", "VIEW"})) {
                while (rs.next()) {
                    System.out.println("table\t" + rs.getString("TABLE_SCHEM") + "\t"
                            + rs.getString("TABLE_NAME") + "\t" + rs.getString("TABLE_TYPE") + "\t"
                            + rs.getString("REMARKS"));
                }
            }
            try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
                while (rs.next()) {
                    System.out.println("column\t" + rs.getString("COLUMN_NAME") + "\t"
                            + rs.getString("TYPE_NAME") + "\t" + rs.getInt("DATA_TYPE") + "\t"
                            + rs.getString("IS_NULLABLE") + "\t" + rs.getString("REMARKS"));
                }
            }
            try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
                while (rs.next()) {
                    System.out.println("pk\t" + rs.getString("COLUMN_NAME") + "\t"
                            + rs.getString("PK_NAME"));
                }
            }
            String sql = "select count(*) from " + schema + "." + table + " where 1 = ?";
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                ps.setInt(1, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    System.out.println("rows\t" + rs.getLong(1));
                }
            }
        }
    }
}
