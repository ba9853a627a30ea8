"""A contact number in the letter head is said as what its label says it is for (a textphone is not a phone)."""

from easyread.documents.read import read_document
from easyread.simplify.plan import plan_letter

# The letter head of benchmarks/easyread_bench/real_letters/16_dwp_dla_ending.txt (DWP), whose textphone number
# came out as "You can phone us on 0800 121 4493."
HEAD = (
    "Personal Independence Payment 3\nMail Handling Site A\nWolverhampton\nWV98 1AD\n\n"
    "Telephone: 0800 121 4433\nTextphone: 0800 121 4493\nFax: 0800 121 4400\n\n"
    "Your reference: AB123456C\n\n14 November 2023\n\nDear Mr Smith\n\n"
    "You cannot continue to get DLA. If you do not want to claim call 0800 121 4433.\n\nYours sincerely\n\nDWP\n"
)


def test_a_textphone_and_a_fax_number_are_not_given_as_numbers_to_phone(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text(HEAD, encoding="utf-8")
    texts = [d.text for d in plan_letter(read_document(path)).details]
    assert "You can phone us on 0800 121 4433." in texts
    assert "If you use a textphone, you can call 0800 121 4493." in texts
    assert "Our fax number is 0800 121 4400." in texts
    assert not any("phone us on 0800 121 4493" in t or "phone us on 0800 121 4400" in t for t in texts)
