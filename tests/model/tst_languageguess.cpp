// SPDX-License-Identifier: GPL-3.0-or-later
// Telling English text from text in other languages (all texts written for this test).
#include "analysis/LanguageGuess.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Lede;

class TestLanguageGuess : public QObject
{
    Q_OBJECT

private slots:
    void guess_data();
    void guess();
};

void TestLanguageGuess::guess_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("english");

    QTest::newRow("english-news")
        << u"The harbour board voted on Monday to build a new pier after the storms of the winter. "
           "“We cannot lose another season,” said its chair, who has run the board for six years. "
           "The work will start in the spring and it should be done before the summer, she said."_s
        << true;
    QTest::newRow("english-recipe-list")
        << u"Ingredients: 2 cups flour, 1 cup sugar, 3 eggs, butter, salt, vanilla, milk, lemon zest, "
           "baking powder, cinnamon, nutmeg, raisins, walnuts, cream cheese, honey, oats, cocoa. "
           "Method: mix the flour and the sugar in a bowl. Add the eggs and the butter. Bake it for "
           "40 minutes, then let it cool on a rack before you serve it."_s
        << true;
    QTest::newRow("german")
        << u"Der Hafenrat hat am Montag beschlossen, einen neuen Steg zu bauen. „Wir können keine "
           "weitere Saison verlieren“, sagte die Vorsitzende, die den Rat seit sechs Jahren leitet. "
           "Die Arbeiten sollen im Frühjahr beginnen und vor dem Sommer fertig sein, und das ist "
           "nach ihren Worten auch nicht zu teuer für die Stadt."_s
        << false;
    QTest::newRow("french")
        << u"Le conseil du port a décidé lundi de construire une nouvelle jetée après les tempêtes de "
           "l'hiver. « Nous ne pouvons pas perdre une autre saison », a dit la présidente, qui dirige "
           "le conseil depuis six ans. Les travaux vont commencer au printemps et ils sont prévus pour "
           "finir avant l'été, dans le calme et sans surprise pour les pêcheurs. Selon le maire, cette jetée "
           "sera plus solide que l'ancienne, qui avait résisté pendant cinquante ans avant de céder."_s
        << false;
    QTest::newRow("russian")
        << u"Совет порта в понедельник решил построить новый причал после зимних штормов. «Мы не "
           "можем потерять ещё один сезон», — сказала председатель совета, которая руководит им "
           "уже шесть лет. Работы начнутся весной и закончатся до лета, а город заплатит за них "
           "из своего бюджета, сказал мэр."_s
        << false;
    QTest::newRow("english-with-foreign-names")
        << u"Jean-Luc de la Roche and Anna van der Berg met the mayor of Le Havre on Monday. The two "
           "said they would ask the city for a new pier, and the mayor said he would think about it "
           "before the vote in the spring. Le Monde and El País both reported the meeting."_s
        << true;
    // Lists, tables and results lines have few function words; they stay English (and keep their names).
    QTest::newRow("english-results-box")
        << u"Kelby Rovers 2 Hallam Town 1\nNorthport United 0 Castlebridge 0\nWestmere City 3 Dunmore "
           "Athletic 2\nAshford Wanderers 1 Brayton 4\nLeague table: Brayton 34, Westmere City 31, Kelby "
           "Rovers 30, Northport United 28, Hallam Town 25, Castlebridge 22, Dunmore Athletic 19."_s
        << true;
    QTest::newRow("english-death-notices")
        << u"Margaret Ellen Thorne, 87, Kelby; Arthur James Pell, 91, Hallam; Rosa Mae Lind, 78, Westmere; "
           "Thomas Henry Vane, 83, Brayton; Edith Clare Moss, 95, Dunmore; Walter Ian Crane, 69, Ashford; "
           "Ida Joan Fenn, 88, Castlebridge."_s
        << true;
    QTest::newRow("english-golf-leaderboard")
        << u"Leaders: Tom Hale 66-68-70, 12 under par; Ian Roe 67-69-69, 11 under par; Cal Pike "
           "70-66-70, 10 under par; Ned Fox 68-70-69, nine under par; Ari Voss 69-69-70, eight under par."_s
        << true;
    QTest::newRow("english-story-with-a-chinese-statement")
        << u"The ministry issued a statement on Monday about the new port. It said the harbour would open "
           "next year, and that the work was on schedule. The statement read: "
           "新港口将于明年开放，工程进展顺利。"
           " Officials in the city said they welcomed the news and hoped for more trade with the region."_s
        << true;
    // Words that English shares with other languages ("a", "do", "on", "i", "to", "for") count for
    // neither: Finnish "on" and Portuguese "a", "do" used to outnumber the listed words of those languages.
    QTest::newRow("finnish")
        << u"Kaupunginvaltuusto päätti maanantaina, että uusi laituri rakennetaan ensi vuonna. Hankkeen "
           "kustannukset ovat noin kaksi miljoonaa euroa, mutta valtuusto uskoo, että se on kannattava. "
           "Myös satama on tyytyväinen. Puheenjohtajan mukaan työt alkavat keväällä ja ne ovat valmiita "
           "ennen kesää, jos sää sen sallii. Hän sanoi, että päätös oli yksimielinen."_s
        << false;
    QTest::newRow("portuguese")
        << u"O conselho do porto decidiu na segunda-feira construir um novo cais depois das tempestades do "
           "inverno. A presidente disse que a cidade não pode perder outra temporada e que as obras vão "
           "começar na primavera. Segundo ela, o cais será mais sólido do que o antigo, que resistiu "
           "durante cinquenta anos. Os pescadores também estão satisfeitos com a decisão, disse o "
           "presidente da associação."_s
        << false;
    // A short notice says less: a handful of another language's words and no English one is enough.
    QTest::newRow("short-german-notice")
        << u"Die Bibliothek bleibt am Montag wegen einer Veranstaltung geschlossen. Ab Dienstag gelten "
           "wieder die üblichen Öffnungszeiten. Bücher können auch weiterhin über den Briefkasten am "
           "Eingang zurückgegeben werden. Wir bitten um Verständnis und freuen uns auf Ihren Besuch. "
           "Bei Fragen erreichen Sie uns per E-Mail oder telefonisch."_s
        << false;
    // Club names with accents (and one that is a listed Spanish word) in an English results box.
    QTest::newRow("english-results-with-spanish-club-names")
        << u"Results of the Spanish first division on Sunday: Atlético Norte 2 Málaga Sur 1, Córdoba Real 0 "
           "Deportivo Olmeña 3, Cádiz Unión 1 Almería Este 1, Valdoñés 2 Pinón Sporting 0. Standings: "
           "Atlético Norte 31, Cádiz Unión 29, Córdoba Real 27, Málaga Sur 25, Valdoñés 22, Almería Este 19, "
           "Deportivo Olmeña 18, Pinón Sporting 15."_s
        << true;
    // A short English brief that quotes a player in Portuguese stays English: quoted words count for
    // neither language.
    QTest::newRow("english-brief-with-a-portuguese-quote")
        << u"Harbour City midfielder Tiago Vaz joins Kelby Rovers on a three-year deal, the club said on "
           "Monday. Vaz said: “Ele tem muito talento. Também estou feliz, já foram muitos anos.” Medical "
           "completed Tuesday; fee undisclosed. Vaz scored nine goals last season and was named player "
           "of the year by the supporters."_s
        << true;
    // A name that is a function word elsewhere ("Ja") does not make a basketball brief foreign.
    QTest::newRow("english-brief-naming-ja")
        << u"Ja Vance scored 31 points as Kelby beat Hallam 112-104. Ja Vance added eight assists. Coach Tom "
           "Reed on Ja Vance: best game of his career. Next: Kelby at Westmere, Friday. Ja Vance, 23, "
           "leads the league in steals. Ja Vance injury update Monday."_s
        << true;
    QTest::newRow("too-short-to-tell") << u"Der Hafenrat hat beschlossen."_s << true;
    QTest::newRow("empty") << QString() << true;
}

void TestLanguageGuess::guess()
{
    QFETCH(QString, text);
    QFETCH(bool, english);
    QCOMPARE(LanguageGuess::looksEnglish(text), english);
}

QTEST_GUILESS_MAIN(TestLanguageGuess)
#include "tst_languageguess.moc"
