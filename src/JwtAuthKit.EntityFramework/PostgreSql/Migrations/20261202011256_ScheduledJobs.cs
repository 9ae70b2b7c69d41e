using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JwtAuthKit.EntityFramework.PostgreSql.Migrations
{
    /// <inheritdoc />
    internal partial class ScheduledJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ActivatesAt",
                table: "jak_signing_keys",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "jak_job_leases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Holder = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    LeasedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jak_job_leases", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_jak_sessions_ExpiresAt",
                table: "jak_sessions",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_jak_refresh_tokens_ExpiresAt",
                table: "jak_refresh_tokens",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_jak_one_time_tokens_ExpiresAt",
                table: "jak_one_time_tokens",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_jak_email_messages_Status_SentAt",
                table: "jak_email_messages",
                columns: new[] { "Status", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_jak_application_invitations_ExpiresAt",
                table: "jak_application_invitations",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "jak_job_leases");

            migrationBuilder.DropIndex(
                name: "IX_jak_sessions_ExpiresAt",
                table: "jak_sessions");

            migrationBuilder.DropIndex(
                name: "IX_jak_refresh_tokens_ExpiresAt",
                table: "jak_refresh_tokens");

            migrationBuilder.DropIndex(
                name: "IX_jak_one_time_tokens_ExpiresAt",
                table: "jak_one_time_tokens");

            migrationBuilder.DropIndex(
                name: "IX_jak_email_messages_Status_SentAt",
                table: "jak_email_messages");

            migrationBuilder.DropIndex(
                name: "IX_jak_application_invitations_ExpiresAt",
                table: "jak_application_invitations");

            migrationBuilder.DropColumn(
                name: "ActivatesAt",
                table: "jak_signing_keys");
        }
    }
}
