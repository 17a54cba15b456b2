using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebRtcChat.Messaging.Data.Migrations
{
    /// <inheritdoc />
    public partial class AttachmentsAndVoice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "attachments",
                table: "messages",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]"); // existing messages have no files (EF's generated '' is not valid JSON)

            migrationBuilder.CreateTable(
                name: "object_cleanups",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_object_cleanups", x => x.key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_object_cleanups_due_at",
                table: "object_cleanups",
                column: "due_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "object_cleanups");

            migrationBuilder.DropColumn(
                name: "attachments",
                table: "messages");
        }
    }
}
