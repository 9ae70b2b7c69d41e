using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JwtAuthKit.EntityFramework.Sqlite.Migrations
{
    /// <inheritdoc />
    internal partial class SecondFactorAndRoleChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "RolesChangedAt",
                table: "jak_users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "jak_mfa_challenges",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    ApplicationId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AuthenticationMethods = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConsumedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    ApplicationId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                name: "jak_totp_enrollments",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    ApplicationId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    ProtectedSecret = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastUsedTimeStep = table.Column<long>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_jak_users_RolesChangedAt",
                table: "jak_users",
                column: "RolesChangedAt");

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
                name: "IX_jak_recovery_codes_UserId_CodeHash",
                table: "jak_recovery_codes",
                columns: new[] { "UserId", "CodeHash" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "jak_mfa_challenges");

            migrationBuilder.DropTable(
                name: "jak_recovery_codes");

            migrationBuilder.DropTable(
                name: "jak_totp_enrollments");

            migrationBuilder.DropIndex(
                name: "IX_jak_users_RolesChangedAt",
                table: "jak_users");

            migrationBuilder.DropColumn(
                name: "RolesChangedAt",
                table: "jak_users");
        }
    }
}
