using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JwtAuthKit.EntityFramework.Sqlite.Migrations
{
    /// <inheritdoc />
    internal partial class AttemptCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "jak_attempt_counters",
                columns: table => new
                {
                    ApplicationId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    LastFailureAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_jak_attempt_counters_LastFailureAt",
                table: "jak_attempt_counters",
                column: "LastFailureAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "jak_attempt_counters");
        }
    }
}
