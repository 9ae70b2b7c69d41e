using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace JwtAuthKit.EntityFramework.PostgreSql.Migrations
{
    /// <inheritdoc />
    internal partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "jak_applications",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ClientId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Settings = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jak_applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "jak_data_protection_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jak_data_protection_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "jak_signing_keys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Algorithm = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ProtectedKey = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RetiredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jak_signing_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "jak_api_keys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    ApplicationId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastUsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jak_api_keys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_jak_api_keys_jak_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "jak_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "jak_attempt_counters",
                columns: table => new
                {
                    ApplicationId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Failures = table.Column<int>(type: "integer", nullable: false),
                    LastFailureAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jak_attempt_counters", x => new { x.ApplicationId, x.KeyHash });
                    table.ForeignKey(
                        name: "FK_jak_attempt_counters_jak_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "jak_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "jak_audit_events",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    ApplicationId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IpAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Data = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jak_audit_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_jak_audit_events_jak_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "jak_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "jak_email_messages",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    ApplicationId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    To = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    ProtectedSubject = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ProtectedTextBody = table.Column<string>(type: "text", nullable: true),
                    ProtectedHtmlBody = table.Column<string>(type: "text", nullable: true),
                    FromAddress = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    FromName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LockedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LockId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jak_email_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_jak_email_messages_jak_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "jak_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "jak_one_time_tokens",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    ApplicationId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    UserId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SecretHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    RedirectTo = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConsumedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FailedAttempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jak_one_time_tokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_jak_one_time_tokens_jak_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "jak_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "jak_roles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    ApplicationId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Permissions = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jak_roles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_jak_roles_jak_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "jak_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "jak_users",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    ApplicationId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    EmailVerified = table.Column<bool>(type: "boolean", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PasswordHash = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    ExternalId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Roles = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    MfaEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RolesChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastLoginAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jak_users", x => x.Id);
                    table.ForeignKey(
                        name: "FK_jak_users_jak_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "jak_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "jak_mfa_challenges",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    ApplicationId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    UserId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AuthenticationMethods = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConsumedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jak_mfa_challenges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_jak_mfa_challenges_jak_users_UserId",
                        column: x => x.UserId,
                        principalTable: "jak_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "jak_recovery_codes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    UserId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    ApplicationId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jak_recovery_codes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_jak_recovery_codes_jak_users_UserId",
                        column: x => x.UserId,
                        principalTable: "jak_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "jak_sessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    ApplicationId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    UserId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    AuthenticationMethods = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastUsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedReason = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    IpAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jak_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_jak_sessions_jak_users_UserId",
                        column: x => x.UserId,
                        principalTable: "jak_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "jak_totp_enrollments",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    ApplicationId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    ProtectedSecret = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastUsedTimeStep = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jak_totp_enrollments", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_jak_totp_enrollments_jak_users_UserId",
                        column: x => x.UserId,
                        principalTable: "jak_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "jak_refresh_tokens",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    SessionId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConsumedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SealedSuccessor = table.Column<byte[]>(type: "bytea", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jak_refresh_tokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_jak_refresh_tokens_jak_sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "jak_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_jak_api_keys_ApplicationId",
                table: "jak_api_keys",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_jak_api_keys_KeyHash",
                table: "jak_api_keys",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_jak_applications_ClientId",
                table: "jak_applications",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_jak_applications_Name",
                table: "jak_applications",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_jak_attempt_counters_LastFailureAt",
                table: "jak_attempt_counters",
                column: "LastFailureAt");

            migrationBuilder.CreateIndex(
                name: "IX_jak_audit_events_ApplicationId_CreatedAt",
                table: "jak_audit_events",
                columns: new[] { "ApplicationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_jak_audit_events_ApplicationId_Type_CreatedAt",
                table: "jak_audit_events",
                columns: new[] { "ApplicationId", "Type", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_jak_audit_events_ApplicationId_UserId_CreatedAt",
                table: "jak_audit_events",
                columns: new[] { "ApplicationId", "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_jak_audit_events_CreatedAt",
                table: "jak_audit_events",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_jak_email_messages_ApplicationId_To_Kind_CreatedAt",
                table: "jak_email_messages",
                columns: new[] { "ApplicationId", "To", "Kind", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_jak_email_messages_LockId",
                table: "jak_email_messages",
                column: "LockId");

            migrationBuilder.CreateIndex(
                name: "IX_jak_email_messages_Status_NextAttemptAt",
                table: "jak_email_messages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_jak_mfa_challenges_ExpiresAt",
                table: "jak_mfa_challenges",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_jak_mfa_challenges_TokenHash",
                table: "jak_mfa_challenges",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_jak_mfa_challenges_UserId",
                table: "jak_mfa_challenges",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_jak_one_time_tokens_ApplicationId_Email_Purpose_ConsumedAt",
                table: "jak_one_time_tokens",
                columns: new[] { "ApplicationId", "Email", "Purpose", "ConsumedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_jak_one_time_tokens_SecretHash",
                table: "jak_one_time_tokens",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_jak_recovery_codes_UserId_CodeHash",
                table: "jak_recovery_codes",
                columns: new[] { "UserId", "CodeHash" });

            migrationBuilder.CreateIndex(
                name: "IX_jak_refresh_tokens_SessionId",
                table: "jak_refresh_tokens",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_jak_refresh_tokens_TokenHash",
                table: "jak_refresh_tokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_jak_roles_ApplicationId_Name",
                table: "jak_roles",
                columns: new[] { "ApplicationId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_jak_sessions_ApplicationId_UserId",
                table: "jak_sessions",
                columns: new[] { "ApplicationId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_jak_sessions_RevokedAt",
                table: "jak_sessions",
                column: "RevokedAt");

            migrationBuilder.CreateIndex(
                name: "IX_jak_sessions_UserId",
                table: "jak_sessions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_jak_signing_keys_ExpiresAt",
                table: "jak_signing_keys",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_jak_users_ApplicationId_CreatedAt",
                table: "jak_users",
                columns: new[] { "ApplicationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_jak_users_ApplicationId_Email",
                table: "jak_users",
                columns: new[] { "ApplicationId", "Email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_jak_users_ApplicationId_ExternalId",
                table: "jak_users",
                columns: new[] { "ApplicationId", "ExternalId" });

            migrationBuilder.CreateIndex(
                name: "IX_jak_users_RolesChangedAt",
                table: "jak_users",
                column: "RolesChangedAt");

            // Substring search (admin user search) stays indexed at a million users: trigram indexes serve
            // "Email" LIKE '%…%' and lower("Name") LIKE '%…%'. pg_trgm is a trusted extension (PostgreSQL 13+).
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE INDEX \"IX_jak_users_Email_trgm\" ON jak_users USING gin (\"Email\" gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX \"IX_jak_users_Name_trgm\" ON jak_users USING gin (lower(\"Name\") gin_trgm_ops);");

            // The change feed: every write that other nodes cache is announced on the channel jak_changes, whoever makes it
            // (a host, the migrate command, an operator's SQL), and only once it commits. Payload: what changed.
            migrationBuilder.Sql("""
                CREATE FUNCTION jak_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('jak_changes', TG_ARGV[0]);
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER jak_sessions_revoked AFTER UPDATE OF "RevokedAt" ON jak_sessions FOR EACH ROW
                    WHEN (NEW."RevokedAt" IS NOT NULL AND OLD."RevokedAt" IS NULL) EXECUTE FUNCTION jak_notify_change('sessions');
                CREATE TRIGGER jak_users_roles_changed AFTER UPDATE OF "RolesChangedAt" ON jak_users FOR EACH ROW
                    WHEN (NEW."RolesChangedAt" IS DISTINCT FROM OLD."RolesChangedAt") EXECUTE FUNCTION jak_notify_change('roles');
                CREATE TRIGGER jak_api_keys_changed AFTER INSERT OR DELETE OR UPDATE OF "RevokedAt" ON jak_api_keys FOR EACH ROW
                    EXECUTE FUNCTION jak_notify_change('applications');
                CREATE TRIGGER jak_applications_changed AFTER INSERT OR UPDATE OR DELETE ON jak_applications FOR EACH ROW
                    EXECUTE FUNCTION jak_notify_change('applications');
                CREATE TRIGGER jak_roles_changed AFTER INSERT OR UPDATE OR DELETE ON jak_roles FOR EACH ROW
                    EXECUTE FUNCTION jak_notify_change('applications');
                CREATE TRIGGER jak_signing_keys_changed AFTER INSERT OR UPDATE ON jak_signing_keys FOR EACH ROW
                    EXECUTE FUNCTION jak_notify_change('signing_keys');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS jak_notify_change() CASCADE;");
            migrationBuilder.DropTable(
                name: "jak_api_keys");

            migrationBuilder.DropTable(
                name: "jak_attempt_counters");

            migrationBuilder.DropTable(
                name: "jak_audit_events");

            migrationBuilder.DropTable(
                name: "jak_data_protection_keys");

            migrationBuilder.DropTable(
                name: "jak_email_messages");

            migrationBuilder.DropTable(
                name: "jak_mfa_challenges");

            migrationBuilder.DropTable(
                name: "jak_one_time_tokens");

            migrationBuilder.DropTable(
                name: "jak_recovery_codes");

            migrationBuilder.DropTable(
                name: "jak_refresh_tokens");

            migrationBuilder.DropTable(
                name: "jak_roles");

            migrationBuilder.DropTable(
                name: "jak_signing_keys");

            migrationBuilder.DropTable(
                name: "jak_totp_enrollments");

            migrationBuilder.DropTable(
                name: "jak_sessions");

            migrationBuilder.DropTable(
                name: "jak_users");

            migrationBuilder.DropTable(
                name: "jak_applications");
        }
    }
}
