using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JwtAuthKit.EntityFramework.Sqlite.Migrations
{
    /// <inheritdoc />
    internal partial class DashboardMembersAndInvitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_jak_audit_events_ApplicationId_Type_CreatedAt",
                table: "jak_audit_events");

            migrationBuilder.CreateTable(
                name: "jak_application_invitations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    ApplicationId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InvitedBy = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jak_application_invitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_jak_application_invitations_jak_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "jak_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "jak_application_members",
                columns: table => new
                {
                    ApplicationId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jak_application_members", x => new { x.ApplicationId, x.AccountId });
                    table.ForeignKey(
                        name: "FK_jak_application_members_jak_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "jak_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_jak_application_members_jak_users_AccountId",
                        column: x => x.AccountId,
                        principalTable: "jak_users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_jak_email_messages_ApplicationId_Id",
                table: "jak_email_messages",
                columns: new[] { "ApplicationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_jak_email_messages_ApplicationId_Status_Id",
                table: "jak_email_messages",
                columns: new[] { "ApplicationId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_jak_audit_events_ApplicationId_Type_CreatedAt_UserId",
                table: "jak_audit_events",
                columns: new[] { "ApplicationId", "Type", "CreatedAt", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_jak_application_invitations_ApplicationId_Email",
                table: "jak_application_invitations",
                columns: new[] { "ApplicationId", "Email" });

            migrationBuilder.CreateIndex(
                name: "IX_jak_application_invitations_TokenHash",
                table: "jak_application_invitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_jak_application_members_AccountId",
                table: "jak_application_members",
                column: "AccountId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "jak_application_invitations");

            migrationBuilder.DropTable(
                name: "jak_application_members");

            migrationBuilder.DropIndex(
                name: "IX_jak_email_messages_ApplicationId_Id",
                table: "jak_email_messages");

            migrationBuilder.DropIndex(
                name: "IX_jak_email_messages_ApplicationId_Status_Id",
                table: "jak_email_messages");

            migrationBuilder.DropIndex(
                name: "IX_jak_audit_events_ApplicationId_Type_CreatedAt_UserId",
                table: "jak_audit_events");

            migrationBuilder.CreateIndex(
                name: "IX_jak_audit_events_ApplicationId_Type_CreatedAt",
                table: "jak_audit_events",
                columns: new[] { "ApplicationId", "Type", "CreatedAt" });
        }
    }
}
