using Microsoft.EntityFrameworkCore;
using OneToOne;
using OneToOne.EfCore.Tests.Models;

namespace OneToOne.EfCore.Tests.Infrastructure;

/// <summary>
/// One fresh database for one test: created (with the schema of <see cref="LinksContext"/>) by the constructor of the
/// derived class, removed by <see cref="Dispose"/>.
/// </summary>
public abstract class TestDatabase : IDisposable
{
    /// <summary>The provider's name, for messages.</summary>
    public abstract string Provider { get; }

    /// <summary>Points <paramref name="options"/> at this database.</summary>
    public abstract void Configure(DbContextOptionsBuilder options);

    /// <summary>A new context on this database (each call: a new change tracker, as a new request would have).</summary>
    public LinksContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<LinksContext>();
        Configure(options);
        options.UseOneToOne();
        return new LinksContext(options.Options);
    }

    /// <summary>Another context class on this database.</summary>
    public TContext CreateContext<TContext>(Func<DbContextOptions<TContext>, TContext> create)
        where TContext : DbContext
    {
        var options = new DbContextOptionsBuilder<TContext>();
        Configure(options);
        options.UseOneToOne();
        return create(options.Options);
    }

    /// <summary>The SQL definition of every index on <paramref name="table"/>, as the database reports it.</summary>
    public abstract IReadOnlyList<string> IndexDefinitions(string table);

    /// <summary>Whether the database accepts NULL in the column; <see langword="null"/> when there is no such column.</summary>
    public abstract bool? ColumnIsNullable(string table, string column);

    /// <summary>The names of the columns of <paramref name="table"/>, as the database reports them.</summary>
    public abstract IReadOnlyList<string> ColumnNames(string table);

    /// <summary>Whether the database generates the values of the integer column (identity, auto-increment, a sequence).</summary>
    public abstract bool ColumnIsGenerated(string table, string column);

    /// <summary>Asserts that the database refused a write because of a unique constraint (not EF on its own).</summary>
    public abstract void AssertUniqueViolation(DbUpdateException exception);

    /// <summary>Asserts that the database refused a write because of a foreign key constraint.</summary>
    public abstract void AssertForeignKeyViolation(DbUpdateException exception);

    public void Dispose()
    {
        Drop();
        GC.SuppressFinalize(this);
    }

    protected void CreateSchema()
    {
        using var context = CreateContext();
        context.Database.EnsureCreated();
    }

    protected abstract void Drop();

    /// <summary>Runs one SQL query on this database and returns the first column of every row.</summary>
    protected List<object?> Query(string sql, params (string Name, object Value)[] parameters)
    {
        using var context = CreateContext();
        var connection = context.Database.GetDbConnection();
        connection.Open();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            var rows = new List<object?>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(reader.IsDBNull(0) ? null : reader.GetValue(0));
            }

            return rows;
        }
        finally
        {
            connection.Close();
        }
    }
}
