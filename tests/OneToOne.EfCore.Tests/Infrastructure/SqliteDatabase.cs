using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace OneToOne.EfCore.Tests.Infrastructure;

/// <summary>A SQLite database in a file of its own in the temp folder, deleted at the end of the test.</summary>
public sealed class SqliteDatabase : TestDatabase
{
    private const int SqliteConstraint = 19;            // SQLITE_CONSTRAINT
    private const int SqliteConstraintForeignKey = 787; // SQLITE_CONSTRAINT_FOREIGNKEY
    private const int SqliteConstraintTrigger = 1811;   // SQLITE_CONSTRAINT_TRIGGER
    private const int SqliteConstraintUnique = 2067;    // SQLITE_CONSTRAINT_UNIQUE

    private readonly string path = Path.Combine(Path.GetTempPath(), $"onetoone-efcore-{Guid.NewGuid():N}.db");

    public SqliteDatabase()
    {
        CreateSchema();
    }

    public override string Provider => "SQLite";

    // No pooling: once a context is disposed the file is closed, so the test can delete it.
    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    public override void Configure(DbContextOptionsBuilder options) => options.UseSqlite(ConnectionString);

    public override IReadOnlyList<string> IndexDefinitions(string table) =>
        Query("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND sql IS NOT NULL", ("$table", table))
            .Select(row => (string)row!)
            .ToList();

    public override bool? ColumnIsNullable(string table, string column)
    {
        // pragma_table_info: one row per column; "notnull" is 1 for NOT NULL.
        var rows = Query("SELECT \"notnull\" FROM pragma_table_info($table) WHERE name = $column", ("$table", table), ("$column", column));
        return rows.Count == 0 ? null : Convert.ToInt64(rows[0], System.Globalization.CultureInfo.InvariantCulture) == 0;
    }

    public override IReadOnlyList<string> ColumnNames(string table) =>
        Query("SELECT name FROM pragma_table_info($table)", ("$table", table)).Select(row => (string)row!).ToList();

    // An INTEGER PRIMARY KEY column is the rowid, which SQLite fills in when it is not given: EF declares such a key
    // AUTOINCREMENT when it wants the database to generate it, and leaves AUTOINCREMENT out otherwise.
    public override bool ColumnIsGenerated(string table, string column)
    {
        var sql = (string)Query("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = $table", ("$table", table)).Single()!;
        return sql.Contains($"\"{column}\" INTEGER NOT NULL CONSTRAINT", StringComparison.Ordinal) &&
               sql.Contains("AUTOINCREMENT", StringComparison.Ordinal);
    }

    public override void AssertUniqueViolation(DbUpdateException exception)
    {
        var sqlite = Assert.IsType<SqliteException>(exception.InnerException);
        Assert.Equal(SqliteConstraint, sqlite.SqliteErrorCode);
        Assert.Equal(SqliteConstraintUnique, sqlite.SqliteExtendedErrorCode);
    }

    public override void AssertForeignKeyViolation(DbUpdateException exception)
    {
        var sqlite = Assert.IsType<SqliteException>(exception.InnerException);
        Assert.Equal(SqliteConstraint, sqlite.SqliteErrorCode);
        // A plain foreign key check reports SQLITE_CONSTRAINT_FOREIGNKEY; an ON DELETE RESTRICT action raises through
        // SQLite's trigger machinery and reports SQLITE_CONSTRAINT_TRIGGER, with the same message.
        Assert.Contains(sqlite.SqliteExtendedErrorCode, new[] { SqliteConstraintForeignKey, SqliteConstraintTrigger });
        Assert.Contains("FOREIGN KEY constraint failed", sqlite.Message, StringComparison.Ordinal);
    }

    protected override void Drop()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-journal", path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
