using Sentry;
using Helpdesk;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "helpdesk-web@5.0.2";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The support wallboard refreshes every minute. T-7716 came in through the e-mail gateway, which tags
// tickets with the mailbox's priority label "Normal" instead of a contract priority.
var now = new DateTimeOffset(2026, 3, 17, 14, 5, 0, TimeSpan.Zero);
var tickets = new[]
{
    new Ticket("T-7702", "Checkout returns 502", "P1", now.AddHours(-2), now.AddHours(-2).AddMinutes(12)),
    new Ticket("T-7709", "Export to CSV is slow", "P3", now.AddHours(-26)),
    new Ticket("T-7716", "Re: invoice 2026-0311 wrong VAT number", "Normal", now.AddMinutes(-40)),
    new Ticket("T-7718", "SSO login loop", "P2", now.AddMinutes(-15)),
};
var board = new SlaBoard(new SlaPolicy());
foreach (var row in board.Rows(tickets, now))
{
    Console.WriteLine($"{row.TicketId} {row.Priority} reply by {row.ReplyBy:HH:mm} resolve by {row.ResolveBy:MM-dd HH:mm}{(row.Breached ? " BREACHED" : "")}");
}
