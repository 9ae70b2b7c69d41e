using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JwtAuthKit.EntityFramework.Sqlite.Migrations
{
    /// <inheritdoc />
    internal partial class UserExternalId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExternalId",
                table: "jak_users",
                type: "TEXT",
                maxLength: 255,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_jak_users_ApplicationId_ExternalId",
                table: "jak_users",
                columns: new[] { "ApplicationId", "ExternalId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_jak_users_ApplicationId_ExternalId",
                table: "jak_users");

            migrationBuilder.DropColumn(
                name: "ExternalId",
                table: "jak_users");
        }
    }
}
