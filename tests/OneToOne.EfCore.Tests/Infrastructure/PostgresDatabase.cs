using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace OneToOne.EfCore.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL database of its own (<c>onetoone_test_&lt;guid&gt;</c>) on the server named by
/// <see cref="Variable"/>, created for one test and dropped after it. When the variable is set, a server that cannot be
/// reached fails the test.
/// </summary>
public sealed class PostgresDatabase : TestDatabase
{
    /// <summary>The environment variable holding the server's connection string (its database is only used to connect).</summary>
    public const string Variable = "ONETOONE_POSTGRES";

    public const string SkipText =
        "the PostgreSQL tests need a server; .ci/run starts one, see docs/efcore.md to run them locally";

    private const string UniqueViolation = "23505";     // unique_violation
    private const string ForeignKeyViolation = "23503"; // foreign_key_violation

    private readonly string connectionString;

    public PostgresDatabase()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException($"{Variable} is not set; the PostgreSQL tests should have been skipped.");
        }

        var builder = new NpgsqlConnectionStringBuilder(configured)
        {
            Database = $"onetoone_test_{Guid.NewGuid():N}",
        };
        connectionString = builder.ConnectionString;
        try
        {
            CreateSchema();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"{Variable} is set (Host={builder.Host};Port={builder.Port};Username={builder.Username}), " +
                $"but the database {builder.Database} could not be created there: {e.GetBaseException().Message}",
                e);
        }
    }

    public override string Provider => "PostgreSQL";

    public override void Configure(DbContextOptionsBuilder options) => options.UseNpgsql(connectionString);

    public override IReadOnlyList<string> IndexDefinitions(string table) =>
        Query("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = @table", ("table", table))
            .Select(row => (string)row!)
            .ToList();

    public override bool? ColumnIsNullable(string table, string column)
    {
        var rows = Query(
            "SELECT is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @table AND column_name = @column",
            ("table", table),
            ("column", column));
        return rows.Count == 0 ? null : (string)rows[0]! == "YES";
    }

    public override IReadOnlyList<string> ColumnNames(string table) =>
        Query("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @table", ("table", table))
            .Select(row => (string)row!)
            .ToList();

    public override bool ColumnIsGenerated(string table, string column)
    {
        var identity = (string)Query(
            "SELECT is_identity || '|' || coalesce(column_default, '') FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @table AND column_name = @column",
            ("table", table),
            ("column", column)).Single()!;
        return identity.StartsWith("YES|", StringComparison.Ordinal) || identity.Contains("nextval(", StringComparison.Ordinal);
    }

    public override void AssertUniqueViolation(DbUpdateException exception)
    {
        var postgres = Assert.IsType<PostgresException>(exception.InnerException);
        Assert.Equal(UniqueViolation, postgres.SqlState);
    }

    public override void AssertForeignKeyViolation(DbUpdateException exception)
    {
        var postgres = Assert.IsType<PostgresException>(exception.InnerException);
        Assert.Equal(ForeignKeyViolation, postgres.SqlState);
    }

    protected override void Drop()
    {
        using var context = CreateContext();
        context.Database.EnsureDeleted();
    }
}
