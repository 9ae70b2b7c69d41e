using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JwtAuthKit.EntityFramework.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EmailOutboxAndOneTimeTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "jak_email_messages",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    ApplicationId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    ProtectedSubject = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ProtectedTextBody = table.Column<string>(type: "TEXT", nullable: true),
                    ProtectedHtmlBody = table.Column<string>(type: "TEXT", nullable: true),
                    FromAddress = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    FromName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LockId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    ApplicationId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    RedirectTo = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConsumedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FailedAttempts = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "IX_jak_one_time_tokens_ApplicationId_Email_Purpose_ConsumedAt",
                table: "jak_one_time_tokens",
                columns: new[] { "ApplicationId", "Email", "Purpose", "ConsumedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_jak_one_time_tokens_SecretHash",
                table: "jak_one_time_tokens",
                column: "SecretHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "jak_email_messages");

            migrationBuilder.DropTable(
                name: "jak_one_time_tokens");
        }
    }
}
