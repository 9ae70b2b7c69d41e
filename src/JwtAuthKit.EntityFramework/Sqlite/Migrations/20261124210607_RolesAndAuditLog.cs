using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JwtAuthKit.EntityFramework.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RolesAndAuditLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "jak_audit_events",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    ApplicationId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IpAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Data = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "jak_roles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    ApplicationId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Permissions = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "IX_jak_roles_ApplicationId_Name",
                table: "jak_roles",
                columns: new[] { "ApplicationId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "jak_audit_events");

            migrationBuilder.DropTable(
                name: "jak_roles");
        }
    }
}
