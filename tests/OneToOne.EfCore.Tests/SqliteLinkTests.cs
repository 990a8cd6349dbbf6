using OneToOne.EfCore.Tests.Infrastructure;

namespace OneToOne.EfCore.Tests;

/// <summary>The suite on SQLite: a file per test in the temp folder. Always runs.</summary>
public sealed class SqliteLinkTests() : LinkSuite(new SqliteDatabase());
