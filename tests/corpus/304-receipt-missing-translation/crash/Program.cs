using Sentry;
using Kiosk;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "kiosk-app@4.7.1";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Till 3 in the Bradford store; a customer switched the kiosk to Polish and paid in cash.
// The Polish catalogue was translated before cash payments were enabled at kiosks.
var messages = new Messages(new()
{
    ["en"] = new() { ["receipt.header"] = "Thank you for shopping with us", ["receipt.total"] = "Total: £{0}", ["receipt.footer.card"] = "Paid by card - keep this receipt", ["receipt.footer.cash"] = "Paid in cash - change given" },
    ["pl"] = new() { ["receipt.header"] = "Dziękujemy za zakupy", ["receipt.total"] = "Razem: £{0}", ["receipt.footer.card"] = "Zapłacono kartą - zachowaj paragon" },
    ["ur"] = new() { ["receipt.header"] = "خریداری کا شکریہ", ["receipt.total"] = "کل: £{0}", ["receipt.footer.card"] = "کارڈ سے ادائیگی", ["receipt.footer.cash"] = "نقد ادائیگی" },
});
var printer = new ReceiptPrinter(messages);
var receipt = printer.Print("pl", "Bradford Forster Sq.", [new("Milk 2L", 1, 1.65m), new("Rye bread", 2, 1.40m), new("Apples", 6, 0.35m)], paidByCard: false);
foreach (var line in receipt) Console.WriteLine(line);
