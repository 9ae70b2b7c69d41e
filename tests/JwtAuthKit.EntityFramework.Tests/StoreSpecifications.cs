using JwtAuthKit.Specification;

namespace JwtAuthKit.EntityFramework.Tests;

// Every store contract, once per provider. A new provider adds its fixture and one line per contract here.
public sealed class SqliteUserStoreTests(SqliteStoreFixture f) : UserStoreSpecification<SqliteStoreFixture>(f);

public sealed class PostgreSqlUserStoreTests(PostgreSqlStoreFixture f) : UserStoreSpecification<PostgreSqlStoreFixture>(f);

public sealed class SqliteSessionStoreTests(SqliteStoreFixture f) : SessionStoreSpecification<SqliteStoreFixture>(f);

public sealed class SqliteApplicationContextUserStoreTests(SqliteApplicationContextFixture f) : UserStoreSpecification<SqliteApplicationContextFixture>(f);

public sealed class SqliteApplicationContextSessionStoreTests(SqliteApplicationContextFixture f) : SessionStoreSpecification<SqliteApplicationContextFixture>(f);

public sealed class PostgreSqlSessionStoreTests(PostgreSqlStoreFixture f) : SessionStoreSpecification<PostgreSqlStoreFixture>(f);

public sealed class SqliteEmailOutboxStoreTests(SqliteStoreFixture f) : EmailOutboxStoreSpecification<SqliteStoreFixture>(f);

public sealed class PostgreSqlEmailOutboxStoreTests(PostgreSqlStoreFixture f) : EmailOutboxStoreSpecification<PostgreSqlStoreFixture>(f);

public sealed class SqliteOneTimeTokenStoreTests(SqliteStoreFixture f) : OneTimeTokenStoreSpecification<SqliteStoreFixture>(f);

public sealed class PostgreSqlOneTimeTokenStoreTests(PostgreSqlStoreFixture f) : OneTimeTokenStoreSpecification<PostgreSqlStoreFixture>(f);

public sealed class SqliteAttemptCounterStoreTests(SqliteStoreFixture f) : AttemptCounterStoreSpecification<SqliteStoreFixture>(f);

public sealed class PostgreSqlAttemptCounterStoreTests(PostgreSqlStoreFixture f) : AttemptCounterStoreSpecification<PostgreSqlStoreFixture>(f);

public sealed class SqliteMfaChallengeStoreTests(SqliteStoreFixture f) : MfaChallengeStoreSpecification<SqliteStoreFixture>(f);

public sealed class PostgreSqlMfaChallengeStoreTests(PostgreSqlStoreFixture f) : MfaChallengeStoreSpecification<PostgreSqlStoreFixture>(f);

public sealed class SqliteSigningKeyStoreTests(SqliteStoreFixture f) : SigningKeyStoreSpecification<SqliteStoreFixture>(f);

public sealed class PostgreSqlSigningKeyStoreTests(PostgreSqlStoreFixture f) : SigningKeyStoreSpecification<PostgreSqlStoreFixture>(f);

public sealed class SqliteJobLeaseStoreTests(SqliteStoreFixture f) : JobLeaseStoreSpecification<SqliteStoreFixture>(f);

public sealed class PostgreSqlJobLeaseStoreTests(PostgreSqlStoreFixture f) : JobLeaseStoreSpecification<PostgreSqlStoreFixture>(f);

public sealed class SqliteRetentionStoreTests(SqliteStoreFixture f) : RetentionStoreSpecification<SqliteStoreFixture>(f);

public sealed class PostgreSqlRetentionStoreTests(PostgreSqlStoreFixture f) : RetentionStoreSpecification<PostgreSqlStoreFixture>(f);

public sealed class SqliteSignInWriterTests(SqliteStoreFixture f) : SignInWriterSpecification<SqliteStoreFixture>(f);

public sealed class SqliteApplicationContextSignInWriterTests(SqliteApplicationContextFixture f) : SignInWriterSpecification<SqliteApplicationContextFixture>(f);

public sealed class PostgreSqlSignInWriterTests(PostgreSqlStoreFixture f) : SignInWriterSpecification<PostgreSqlStoreFixture>(f);
