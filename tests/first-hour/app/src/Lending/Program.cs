using Lending;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(LoanBook.Sample());
builder.Services.AddSingleton<LateFees>();

var app = builder.Build();

app.MapGet("/loans/{id}/fee", (string id, LoanBook loans, LateFees fees) =>
    fees.For(loans.Get(id), DateOnly.FromDateTime(DateTime.UtcNow)));

app.Run();
