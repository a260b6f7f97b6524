"""`shipguard lint` exits 1 on a message of every violation category and names the rule; it
exits 0 on clean messages that only look like violations."""

import pytest

from .helpers import run_cli

ORDER = "Order 112-7391046-2285513"

# (category, locale, rule the lint must name, message)
VIOLATIONS = [
    (
        "review-request",
        "en-GB",
        "no-review-requests",
        "Your order 203-5518204-7730916 goes out on Friday 4 December. Once the kettle is "
        "boiling, a couple of lines on how you find it would help fellow tea lovers no end.",
    ),
    (
        "review-incentive",
        "de-DE",
        "no-review-requests",
        "Ihre Bestellung 302-5518204-7730916 kommt am Freitag, 4. Dezember. Als Dankeschön "
        "für Ihre Bewertung legen wir der nächsten Lieferung eine Überraschung bei.",
    ),
    (
        "review-change",
        "it-IT",
        "no-review-requests",
        "Il ricambio dell'ordine 403-5518204-7730916 è partito oggi. Abbiamo visto la sua "
        "valutazione negativa: ora che è tutto a posto, potrebbe modificarla?",
    ),
    (
        "cancel-request",
        "nl-NL",
        "no-cancel-request",
        "Uw bestelling 405-5518204-7730916 is helaas niet op voorraad. Het zou ons erg "
        "helpen als u de bestelling zelf annuleert via Mijn bestellingen.",
    ),
    (
        "off-amazon-contact",
        "fr-FR",
        "no-off-amazon-contact",
        "Votre commande 402-5518204-7730916 partira le 4 décembre. Pour aller plus vite, "
        "écrivez-nous sur WhatsApp.",
    ),
    (
        "link",
        "es-ES",
        "no-links",
        "Su pedido 404-5518204-7730916 saldrá el 4 de diciembre. Puede seguirlo en "
        "seguimiento punto mitienda punto es.",
    ),
    (
        "marketing",
        "sv-SE",
        "no-marketing",
        "Din order 403-5518204-7730916 skickas den 4 december. Vi säljer nu också "
        "matchande kuddfodral, titta gärna i vår butik.",
    ),
    (
        "formatting",
        "en-US",
        "no-shouting",
        f"{ORDER} WILL SHIP ON DECEMBER 4. WE ARE VERY SORRY FOR THE DELAY!!!",
    ),
    (
        "unnecessary",
        "pl-PL",
        "thank-you-or-confirmation-only",
        "Dzień dobry,\ndziękujemy za zamówienie 404-5518204-7730916! Cieszymy się, że "
        "wybrał Pan nasz sklep.\nMiłego dnia,\nSklep Dąb",
    ),
    (
        "missing-order-id",
        "ja-JP",
        "missing-order-id",
        "入荷遅れのため、発送が12月4日になります。大変申し訳ございません。",
    ),
    (
        "ftc-vague-date",
        "en-US",
        "us-delay-revised-date",
        f"{ORDER} is delayed and should ship in a couple of weeks. If you would rather not "
        "wait, reply and we will cancel it for a full refund.",
    ),
    (
        "ftc-no-cancel-right",
        "en-US",
        "us-delay-cancel-option",
        f"{ORDER} is delayed: the new ship date is December 4. Thank you for your patience.",
    ),
]

CLEAN = [
    (
        "en-US",
        f"{ORDER} is delayed: the new ship date is December 4. If you would rather not wait, "
        "reply if you would like us to cancel it, for a full refund. You can cancel at any "
        "time before it ships.",
    ),
    (
        "en-GB",
        "Your gift order 203-5518204-7730916 will be dispatched on Friday 4 December, gift "
        "wrapped as you asked; it was paid with a gift card, which we refund if you cancel. "
        "The courier's feedback on the first attempt was that nobody was home.",
    ),
    (
        "de-DE",
        "Ihre Bestellung 302-5518204-7730916 verzögert sich bis zum 4. Dezember, weil wir "
        "nach einer Überprüfung unseres Lagerbestands nachbestellen mussten. Möchten Sie "
        "lieber stornieren, antworten Sie einfach: wir erledigen das sofort.",
    ),
    (
        "nl-NL",
        "Uw bestelling 405-5518204-7730916 wordt op 4 december verzonden. U kunt de "
        "bestelling tot aan verzending altijd kosteloos annuleren; antwoord gerust op dit "
        "bericht, dan annuleren wij hem voor u.",
    ),
    (
        "ja-JP",
        "ご注文番号249-5518204-7730916の商品はプレゼント用のギフト包装のため、発送が12月4日と"
        "なります。お待ちいただけない場合はご返信ください。当店でキャンセルいたします。",
    ),
]


@pytest.mark.parametrize(
    ("category", "locale", "rule", "message"), VIOLATIONS, ids=[v[0] for v in VIOLATIONS]
)
def test_lint_exits_1_and_names_the_rule_of_every_violation_category(
    tmp_path, category, locale, rule, message
):
    path = tmp_path / f"{category}.txt"
    path.write_text(message, encoding="utf-8")
    result = run_cli("lint", path, "--locale", locale)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f" error {rule}: " in result.stdout


def test_every_violation_category_has_a_message():
    assert {v[0] for v in VIOLATIONS} == {
        "review-request",
        "review-incentive",
        "review-change",
        "cancel-request",
        "off-amazon-contact",
        "link",
        "marketing",
        "formatting",
        "unnecessary",
        "missing-order-id",
        "ftc-vague-date",
        "ftc-no-cancel-right",
    }


@pytest.mark.parametrize(("locale", "message"), CLEAN, ids=[c[0] for c in CLEAN])
def test_lint_exits_0_on_clean_messages_that_look_like_violations(tmp_path, locale, message):
    path = tmp_path / "clean.txt"
    path.write_text(message, encoding="utf-8")
    result = run_cli("lint", path, "--locale", locale)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " error " not in result.stdout
