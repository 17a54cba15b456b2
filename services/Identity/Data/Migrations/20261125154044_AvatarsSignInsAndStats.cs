using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WebRtcChat.Identity.Data.Migrations
{
    /// <inheritdoc />
    public partial class AvatarsSignInsAndStats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "avatar_key",
                table: "AspNetUsers",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_sign_in_at",
                table: "AspNetUsers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "stats_files_shared",
                table: "AspNetUsers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "stats_messages_count",
                table: "AspNetUsers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "stats_total_call_duration",
                table: "AspNetUsers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "stats_total_calls",
                table: "AspNetUsers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "avatar_key",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "last_sign_in_at",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "stats_files_shared",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "stats_messages_count",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "stats_total_call_duration",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "stats_total_calls",
                table: "AspNetUsers");
        }
    }
}
