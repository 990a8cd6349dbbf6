using Microsoft.EntityFrameworkCore;
using OneToOne.EfCore.Tests.Infrastructure;

namespace OneToOne.EfCore.Tests;

/// <summary>
/// The suite on PostgreSQL: a database per test on the server named by ONETOONE_POSTGRES. Skipped, with the reason,
/// when the variable is not set; failed when it is set and the server cannot be reached.
/// </summary>
[RequiresEnvironment(PostgresDatabase.Variable, PostgresDatabase.SkipText)]
public sealed class PostgresLinkTests() : LinkSuite(new PostgresDatabase())
{
    [PostgresFact]
    public void Each_test_runs_on_a_real_PostgreSQL_server_in_a_database_of_its_own()
    {
        using var context = Database.CreateContext();
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", context.Database.ProviderName);
        var database = context.Database.SqlQueryRaw<string>("SELECT current_database() AS \"Value\"").Single();
        Assert.StartsWith("onetoone_test_", database, StringComparison.Ordinal);
        var version = context.Database.SqlQueryRaw<string>("SELECT version() AS \"Value\"").Single();
        Assert.StartsWith("PostgreSQL ", version, StringComparison.Ordinal);
        Assert.Empty(context.Users);
    }
}
