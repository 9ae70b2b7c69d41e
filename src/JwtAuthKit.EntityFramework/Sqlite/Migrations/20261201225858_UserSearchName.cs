using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace JwtAuthKit.EntityFramework.Sqlite.Migrations
{
    /// <inheritdoc />
    internal partial class UserSearchName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchName",
                table: "jak_users",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            // Existing rows: SQLite's lower() folds ASCII only; names saved from now on are folded by .NET (UserSearchName).
            migrationBuilder.Sql("UPDATE \"jak_users\" SET \"SearchName\" = lower(trim(\"Name\")) WHERE \"Name\" IS NOT NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_jak_users_ApplicationId_SearchName",
                table: "jak_users",
                columns: new[] { "ApplicationId", "SearchName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_jak_users_ApplicationId_SearchName",
                table: "jak_users");

            migrationBuilder.DropColumn(
                name: "SearchName",
                table: "jak_users");
        }
    }
}
