using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Rules;

/// <summary>Release builds report the statement before the faulting one; sibling domain exceptions carry over with their parameters.</summary>
public sealed class NullReferenceShiftedLineTests
{
    private const string Nre = "System.NullReferenceException";
    private const string Message = "Object reference not set to an instance of an object.";
    private static readonly NullReferenceRule Rule = new();

    [Fact]
    public void Apply_LineOnlyDeclaresLookupAndSiblingsThrowWithSameParameter_GuardsWithSiblingException()
    {
        var result = RuleCheck.Fixes(Rule, Library("""
                public string Title(int bookId)
                {
                    var book = _books.FirstOrDefault(b => b.Id == bookId);
                    if (book == null)
                    {
                        throw new BookMissingException(bookId);
                    }

                    return book.Title;
                }

                public string Author(int bookId)
                {
                    var book = _books.FirstOrDefault(b => b.Id == bookId); // <- throws
                    return book.Author.ToUpperInvariant();
                }
            """), Nre, Message, Library("""
                public string Title(int bookId)
                {
                    var book = _books.FirstOrDefault(b => b.Id == bookId);
                    if (book == null)
                    {
                        throw new BookMissingException(bookId);
                    }

                    return book.Title;
                }

                public string Author(int bookId)
                {
                    var book = _books.FirstOrDefault(b => b.Id == bookId);
                    if (book == null)
                    {
                        throw new BookMissingException(bookId);
                    }

                    return book.Author.ToUpperInvariant();
                }
            """));
        Assert.Contains(result.Reasons, r => r.Delta < 0 && r.Reason.Contains("next statement", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_SiblingThrowNamesParameterTheMethodLacks_Declines()
    {
        RuleCheck.Declines(Rule, Library("""
                public string Title(int bookId)
                {
                    var book = _books.FirstOrDefault(b => b.Id == bookId);
                    if (book == null)
                    {
                        throw new BookMissingException(bookId);
                    }

                    return book.Title;
                }

                public string Author(string isbn)
                {
                    var book = _books.FirstOrDefault(b => b.Isbn == isbn); // <- throws
                    return book.Author.ToUpperInvariant();
                }
            """), Nre, Message, "cannot be inferred");
    }

    [Fact]
    public void Apply_LineDeclaresLocalTheNextStatementDoesNotUse_DoesNotLookFurther()
    {
        RuleCheck.Declines(Rule, Library("""
                public string Author(int bookId)
                {
                    var prefix = "by "; // <- throws
                    return _books[0].Author.ToUpperInvariant();
                }
            """), Nre, Message, "no dereference of a possibly null value");
    }

    private static string Library(string members) => $$"""
        //- src/Library/Catalogue.cs
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Library;

        public sealed class Catalogue
        {
            private readonly List<Book> _books = new();

        {{members.TrimEnd()}}
        }

        public sealed class Book
        {
            public int Id { get; set; }
            public string Isbn { get; set; } = "";
            public string Title { get; set; } = "";
            public string Author { get; set; } = "";
        }

        public sealed class BookMissingException : Exception
        {
            public BookMissingException(int id) : base($"no book {id}") { }
        }
        """;
}
