using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JwtAuthKit.EntityFramework.PostgreSql.Migrations
{
    /// <inheritdoc />
    internal partial class UserListOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_jak_users_ApplicationId_CreatedAt",
                table: "jak_users");

            migrationBuilder.CreateIndex(
                name: "IX_jak_users_ApplicationId_CreatedAt_Id",
                table: "jak_users",
                columns: new[] { "ApplicationId", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_jak_users_ApplicationId_CreatedAt_Id",
                table: "jak_users");

            migrationBuilder.CreateIndex(
                name: "IX_jak_users_ApplicationId_CreatedAt",
                table: "jak_users",
                columns: new[] { "ApplicationId", "CreatedAt" });
        }
    }
}
