"""Cleaning and candidate sentences of texts not in English, as users meet them (QA of issue h29).

Each paper below is written for these tests like a short real article in its language (one topic,
the effect of temperature on a crop, so that only the language differs): a title block, an abstract
under its heading, sections under headings of that language's scripts and casing, a figure or table
caption, and a reference list. What was wrong before, per language, is said at each test.
"""

from __future__ import annotations

import json
import textwrap
import unicodedata
import warnings
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from typer.testing import CliRunner

import synopsis
from synopsis.cli import app
from synopsis.ingest import article_from_text
from synopsis.pipeline import build_document

runner = CliRunner()
DATA = Path(__file__).parent / "data"

ENTRIES = (
    "Lobell, D. B., Schlenker, W., & Costa-Roberts, J. (2011). Climate trends and global crop production since 1980."
    " Science, 333(6042), 616–620.",
    "Schlenker, W., & Roberts, M. J. (2009). Nonlinear temperature effects indicate severe damages to U.S. crop yields"
    " under climate change. PNAS, 106(37), 15594–15598.",
    "Asseng, S., Ewert, F., & Martre, P. (2015). Rising temperatures reduce global wheat production. Nature Climate"
    " Change, 5(2), 143–147.",
)


class Paper(NamedTuple):
    """The parts of a test paper; `caption` stands after the third section's paragraph."""

    title: str
    authors: tuple[str, str]
    abstract_heading: str
    abstract: str
    sections: tuple[tuple[str, str], ...]
    caption: str
    references: str

    def text(self) -> str:
        lines = [self.title, *self.authors, "", self.abstract_heading, self.abstract, ""]
        for k, (heading, paragraph) in enumerate(self.sections):
            lines += [heading, paragraph, *([self.caption] if k == 2 and self.caption else []), ""]
        return "\n".join([*lines, self.references, *ENTRIES]) + "\n"

    def body_paragraphs(self) -> list[str]:
        return [paragraph for _, paragraph in self.sections]


PAPERS = {
    "ar": Paper(
        "أثر درجات الحرارة على إنتاج القمح في مصر",
        ("أحمد محمود", "جامعة القاهرة، كلية الزراعة"),
        "الملخص",
        "تبحث هذه الدراسة في أثر ارتفاع درجات الحرارة على إنتاج القمح في مصر بين عامي 1990 و2020. تظهر النتائج أن"
        " ارتفاع متوسط الحرارة في الربيع بدرجة واحدة يخفض الإنتاج بنحو أربعة في المائة. ونناقش ما تعنيه هذه النتائج"
        " للسياسات الزراعية.",
        (
            (
                "المقدمة",
                "يعد القمح المحصول الغذائي الأهم في مصر، إذ يعتمد عليه معظم السكان في غذائهم اليومي. وقد شهدت البلاد"
                " خلال العقود الأخيرة ارتفاعا ملحوظا في درجات الحرارة. فكيف يتأثر إنتاج القمح بهذا التغير في المناخ؟",
            ),
            (
                "البيانات والمنهجية",
                "اعتمدنا على بيانات الإنتاج السنوية لكل محافظة كما تنشرها وزارة الزراعة. وجمعنا بيانات الطقس اليومية"
                " من الهيئة العامة للأرصاد الجوية لكل المحطات. ثم قدرنا نموذج انحدار يربط الإنتاج بدرجات الحرارة"
                " وكميات الأمطار في كل موسم.",
            ),
            (
                "النتائج",
                "تبين النتائج أن ارتفاع درجات الحرارة في شهري مارس وأبريل يخفض الإنتاج بشكل واضح. ويكون الأثر أقوى"
                " في محافظات الصعيد التي تعاني من حرارة أعلى من غيرها. أما كميات الأمطار فلم يكن لها أثر يذكر لأن"
                " الزراعة في مصر تعتمد على الري.",
            ),
            (
                "الخاتمة",
                "تشير هذه الدراسة إلى أن تغير المناخ يهدد الأمن الغذائي في مصر في العقود القادمة. وينبغي على صانعي"
                " القرار دعم تطوير الأصناف التي تتحمل الحرارة العالية. كما نوصي بمزيد من البحث حول مواعيد الزراعة"
                " المناسبة لكل منطقة.",
            ),
        ),
        "شكل 1: متوسط إنتاج القمح في المحافظات بين عامي 1990 و2020.",
        "المراجع",
    ),
    "he": Paper(
        "השפעת הטמפרטורה על יבול החיטה בישראל",
        ("דנה כהן", "האוניברסיטה העברית בירושלים, הפקולטה לחקלאות"),
        "תקציר",
        "מחקר זה בוחן את השפעת עליית הטמפרטורה על יבול החיטה בישראל בין השנים 1990 ו-2020. התוצאות מראות כי עלייה"
        " של מעלה אחת בטמפרטורה הממוצעת באביב מפחיתה את היבול בכארבעה אחוזים. אנו דנים במשמעות הממצאים למדיניות"
        " החקלאית בישראל.",
        (
            (
                "מבוא",
                "החיטה היא גידול החורף החשוב ביותר בישראל, והיא נזרעת בעיקר בצפון הנגב ובעמקים. בעשורים האחרונים"
                " עלתה הטמפרטורה הממוצעת באזור באופן ניכר בכל עונות השנה. לכן חשוב להבין כיצד משפיעה ההתחממות על"
                " היבול של החקלאים בישראל.",
            ),
            (
                "נתונים ושיטות",
                "השתמשנו בנתוני יבול שנתיים לכל אזור מהלשכה המרכזית לסטטיסטיקה בירושלים. נתוני מזג האוויר היומיים"
                " התקבלו מהשירות המטאורולוגי עבור כל התחנות. לאחר מכן אמדנו מודל רגרסיה הקושר את היבול לטמפרטורה"
                " ולכמות המשקעים בכל עונה.",
            ),
            (
                "תוצאות",
                "התוצאות מראות כי ימים חמים בחודש מרץ פוגעים ביבול יותר מכל גורם אחר שבדקנו. ההשפעה חזקה יותר בדרום"
                " הארץ, שבו כמות המשקעים נמוכה במיוחד. במקומות שבהם יש השקיה ההשפעה של כמות המשקעים קטנה מאוד.",
            ),
            (
                "סיכום",
                "המחקר מראה כי שינוי האקלים מאיים על ייצור החיטה בישראל בעשורים הבאים. על מקבלי ההחלטות לתמוך בפיתוח"
                " זנים עמידים לחום ולתנאי יובש. יש צורך במחקר נוסף על מועדי הזריעה המתאימים לכל אזור בארץ.",
            ),
        ),
        "איור 1. יבול החיטה הממוצע לפי אזור בין השנים 1990 ו-2020.",
        "ביבליוגרפיה",
    ),
    "hi": Paper(
        "भारत में गेहूँ की उपज पर तापमान का प्रभाव",
        ("राहुल शर्मा", "दिल्ली विश्वविद्यालय, अर्थशास्त्र विभाग"),
        "सारांश",
        "यह अध्ययन 1990 से 2020 के बीच भारत में गेहूँ की उपज पर तापमान के प्रभाव का विश्लेषण करता है। परिणाम बताते हैं"
        " कि मार्च में औसत तापमान एक डिग्री बढ़ने से उपज लगभग पाँच प्रतिशत घट जाती है। हम इन परिणामों के नीतिगत"
        " अर्थों पर भी चर्चा करते हैं।",
        (
            (
                "परिचय",
                "गेहूँ भारत की सबसे महत्वपूर्ण खाद्य फसलों में से एक है और करोड़ों किसान इस पर निर्भर हैं। पिछले कुछ दशकों"
                " में उत्तर भारत के मैदानों में तापमान लगातार बढ़ा है। इसलिए यह समझना ज़रूरी है कि बढ़ती गर्मी गेहूँ की उपज"
                " को कैसे प्रभावित करती है।",
            ),
            (
                "आँकड़े और विधि",
                "हमने कृषि मंत्रालय से हर ज़िले की वार्षिक उपज के आँकड़े लिए। मौसम के दैनिक आँकड़े भारतीय मौसम विज्ञान"
                " विभाग के सभी केंद्रों से प्राप्त किए गए। इसके बाद हमने एक प्रतिगमन मॉडल बनाया जो उपज को तापमान और वर्षा"
                " से जोड़ता है।",
            ),
            (
                "परिणाम",
                "परिणाम दिखाते हैं कि फरवरी और मार्च की गर्मी गेहूँ की उपज को सबसे अधिक नुकसान पहुँचाती है। यह प्रभाव"
                " पंजाब और हरियाणा की तुलना में मध्य प्रदेश में कहीं अधिक है। वर्षा का प्रभाव कम है क्योंकि अधिकांश"
                " खेतों में सिंचाई की सुविधा उपलब्ध है।",
            ),
            (
                "निष्कर्ष",
                "यह अध्ययन दिखाता है कि जलवायु परिवर्तन भारत की खाद्य सुरक्षा के लिए गंभीर खतरा है। सरकार को गर्मी सहने"
                " वाली किस्मों के विकास में अधिक निवेश करना चाहिए। बुवाई की सही तारीखों पर और अधिक शोध की आवश्यकता है।",
            ),
        ),
        "चित्र 1: राज्यों में गेहूँ की औसत उपज, 1990 से 2020 तक।",
        "संदर्भ",
    ),
    "ko": Paper(
        "한국 쌀 수확량에 대한 기온의 영향",
        ("김민수", "서울대학교 농업경제학과"),
        "초록",
        "이 연구는 1990년부터 2020년까지 한국의 쌀 수확량에 기온이 미치는 영향을 분석한다. 분석 결과 여름철 평균 기온이"
        " 1도 오르면 수확량이 약 3퍼센트 줄어드는 것으로 나타났다. 우리는 이 결과가 농업 정책에 주는 의미를 논의한다.",
        (
            (
                "서론",
                "쌀은 한국에서 가장 중요한 식량 작물이며 많은 농가가 쌀 농사에 의존하고 있다. 지난 수십 년 동안 한반도의"
                " 여름 기온은 꾸준히 상승하였다. 따라서 기온 상승이 쌀 수확량에 어떤 영향을 미치는지 이해하는 것이 중요하다.",
            ),
            (
                "자료 및 방법",
                "우리는 통계청에서 제공하는 시군별 연간 쌀 수확량 자료를 사용하였다. 일별 기상 자료는 기상청의 모든"
                " 관측소에서 얻었다. 그 다음 수확량을 기온과 강수량에 연결하는 회귀 모형을 추정하였다.",
            ),
            (
                "결과",
                "분석 결과 7월과 8월의 고온이 수확량을 가장 크게 줄이는 것으로 나타났다. 이 효과는 남부 지역보다 중부"
                " 지역에서 더 크게 나타났다. 강수량의 효과는 잘 갖추어진 관개 시설 때문에 작은 편이었다.",
            ),
            (
                "결론",
                "이 연구는 기후 변화가 한국의 식량 안보에 위협이 된다는 것을 보여준다. 정부는 고온에 강한 벼 품종의 개발을"
                " 적극적으로 지원해야 한다. 지역별로 알맞은 모내기 시기에 대한 추가 연구가 필요하다.",
            ),
        ),
        "그림 1. 1990년부터 2020년까지 지역별 평균 쌀 수확량의 변화.",
        "참고문헌",
    ),
    "fa": Paper(
        "تأثیر دما بر عملکرد گندم در ایران",
        ("علی رضایی", "دانشگاه تهران، دانشکده کشاورزی"),
        "چکیده",
        "این پژوهش تأثیر افزایش دما بر عملکرد گندم در ایران را در سال‌های 1990 تا 2020 بررسی می‌کند. نتایج نشان"
        " می‌دهد که افزایش یک درجه‌ای دمای بهار عملکرد را حدود چهار درصد کاهش می‌دهد. ما پیامدهای این یافته‌ها را"
        " برای سیاست کشاورزی بررسی می‌کنیم.",
        (
            (
                "مقدمه",
                "گندم مهم‌ترین محصول غذایی ایران است و میلیون‌ها کشاورز به آن وابسته‌اند. در دهه‌های اخیر دمای هوا در"
                " بیشتر استان‌های کشور افزایش یافته است. بنابراین لازم است بدانیم گرمایش چگونه بر عملکرد گندم اثر"
                " می‌گذارد.",
            ),
            (
                "داده‌ها و روش",
                "ما از داده‌های سالانه عملکرد هر استان که وزارت کشاورزی منتشر می‌کند استفاده کردیم. داده‌های روزانه"
                " هواشناسی از سازمان هواشناسی کشور به دست آمد. سپس یک مدل رگرسیون برآورد کردیم که عملکرد را به دما"
                " و بارش پیوند می‌دهد.",
            ),
            (
                "یافته‌ها",
                "نتایج نشان می‌دهد که گرمای اردیبهشت بیشترین آسیب را به عملکرد گندم می‌زند. این اثر در استان‌های جنوبی"
                " که بارش کمتری دارند قوی‌تر است. اثر بارش در مزارع آبی بسیار کوچک و ناچیز است.",
            ),
            (
                "نتیجه‌گیری",
                "این پژوهش نشان می‌دهد که تغییر اقلیم امنیت غذایی ایران را تهدید می‌کند. دولت باید از توسعه ارقام مقاوم"
                " به گرما حمایت کند. پژوهش بیشتری درباره زمان مناسب کاشت در هر منطقه لازم است.",
            ),
        ),
        "جدول 1. برآوردهای مدل رگرسیون برای همه استان‌ها.",
        "منابع",
    ),
    "ru": Paper(
        "Влияние температуры на урожайность пшеницы в России",
        ("Иван Петров", "Московский государственный университет"),
        "Аннотация",
        "В статье исследуется влияние температуры на урожайность пшеницы в России с 1990 по 2020 год. Результаты"
        " показывают, что повышение летней температуры на один градус снижает урожайность на 3,5 процента. Мы"
        " обсуждаем, что эти результаты означают для аграрной политики.",
        (
            (
                "Введение",
                "Пшеница остаётся главной зерновой культурой России и основой её экспорта. За последние десятилетия"
                " средняя летняя температура в южных регионах заметно выросла. Поэтому важно понять, как потепление"
                " влияет на урожайность пшеницы.",
            ),
            (
                "Данные и методы",
                "Мы использовали годовые данные об урожайности по всем регионам из базы Росстата. Ежедневные данные о"
                " погоде были получены со всех метеостанций Росгидромета. Затем мы оценили регрессионную модель,"
                " связывающую урожайность с температурой и осадками.",
            ),
            (
                "Результаты и обсуждение",
                "Результаты показывают, что жаркие дни в июне сильнее всего снижают урожайность пшеницы. Эффект заметно"
                " сильнее в Поволжье, где осадков выпадает меньше. В орошаемых хозяйствах влияние осадков оказалось"
                " очень слабым.",
            ),
            (
                "Заключение",
                "Исследование показывает, что изменение климата угрожает продовольственной безопасности России."
                " Государству следует поддерживать выведение сортов, устойчивых к жаре. Необходимы дальнейшие"
                " исследования сроков посева в разных регионах.",
            ),
        ),
        "Рис. 1. Средняя урожайность пшеницы по федеральным округам в 1990–2020 годах.",
        "Список литературы",
    ),
    "uk": Paper(
        "Вплив температури на врожайність пшениці в Україні",
        ("Олена Коваленко", "Київський національний університет імені Тараса Шевченка"),
        "Анотація",
        "У статті досліджується вплив температури на врожайність пшениці в Україні у 1990–2020 роках. Результати"
        " показують, що підвищення літньої температури на один градус знижує врожайність на 3,5 відсотка. Ми"
        " обговорюємо, що ці результати означають для аграрної політики.",
        (
            (
                "Вступ",
                "Пшениця залишається головною зерновою культурою України та основою її експорту. За останні"
                " десятиліття середня літня температура в південних областях помітно зросла. Тому важливо зрозуміти, як"
                " потепління впливає на врожайність пшениці.",
            ),
            (
                "Матеріали і методи",
                "Ми використали річні дані про врожайність за всіма областями з бази Державної служби статистики."
                " Щоденні дані про погоду були отримані з усіх метеостанцій країни. Потім ми оцінили регресійну модель,"
                " що пов'язує врожайність з температурою та опадами.",
            ),
            (
                "Результати",
                "Результати показують, що спекотні дні в червні найбільше знижують урожайність пшениці. Ефект помітно"
                " сильніший у південних областях, де опадів випадає менше. У зрошуваних господарствах вплив опадів"
                " виявився дуже слабким.",
            ),
            (
                "Висновки",
                "Дослідження показує, що зміна клімату загрожує продовольчій безпеці України. Державі слід підтримувати"
                " виведення сортів, стійких до спеки. Потрібні подальші дослідження строків сівби в різних областях.",
            ),
        ),
        "Таблиця 1. Оцінки регресійної моделі для всіх областей і для південних областей.",
        "Список використаних джерел",
    ),
    "vi": Paper(
        "Tác động của nhiệt độ đến năng suất lúa ở Việt Nam",
        ("Nguyễn Văn An", "Trường Đại học Nông nghiệp Hà Nội"),
        "Tóm tắt",
        "Nghiên cứu này phân tích tác động của nhiệt độ đến năng suất lúa ở Việt Nam trong giai đoạn 1990 đến 2020."
        " Kết quả cho thấy nhiệt độ mùa hè tăng một độ làm giảm năng suất khoảng 3,5 phần trăm. Chúng tôi thảo luận ý"
        " nghĩa của kết quả đối với chính sách nông nghiệp.",
        (
            (
                "Giới thiệu",
                "Lúa gạo là cây lương thực quan trọng nhất ở Việt Nam và là nguồn sống của hàng triệu hộ nông dân."
                " Trong những thập kỷ gần đây, nhiệt độ trung bình ở cả hai miền đều tăng rõ rệt. Vì vậy cần hiểu rõ"
                " nhiệt độ tăng ảnh hưởng thế nào đến năng suất lúa.",
            ),
            (
                "Số liệu và phương pháp",
                "Chúng tôi sử dụng số liệu năng suất lúa hằng năm của từng tỉnh do Tổng cục Thống kê công bố. Số liệu"
                " thời tiết hằng ngày được lấy từ tất cả các trạm khí tượng trong cả nước. Sau đó chúng tôi ước lượng"
                " một mô hình hồi quy liên kết năng suất với nhiệt độ và lượng mưa.",
            ),
            (
                "Kết quả",
                "Kết quả cho thấy những đợt nắng nóng trong tháng Năm gây thiệt hại lớn nhất cho năng suất lúa. Tác"
                " động mạnh hơn ở các tỉnh miền Trung, nơi lượng mưa thấp hơn. Ảnh hưởng của lượng mưa rất nhỏ ở những"
                " nơi có hệ thống thủy lợi tốt.",
            ),
            (
                "Kết luận",
                "Nghiên cứu cho thấy biến đổi khí hậu đe dọa an ninh lương thực của Việt Nam. Nhà nước cần hỗ trợ phát"
                " triển các giống lúa chịu nóng. Cần có thêm nghiên cứu về thời vụ gieo cấy phù hợp với từng vùng.",
            ),
        ),
        "Hình 1. Năng suất lúa bình quân theo vùng trong giai đoạn 1990 đến 2020.",
        "Tài liệu tham khảo",
    ),
    "id": Paper(
        "Pengaruh suhu terhadap hasil panen padi di Indonesia",
        ("Budi Santoso", "Institut Pertanian Bogor"),
        "Abstrak",
        "Penelitian ini menganalisis pengaruh suhu terhadap hasil panen padi di Indonesia antara tahun 1990 dan 2020."
        " Hasil penelitian menunjukkan bahwa kenaikan suhu rata-rata sebesar satu derajat menurunkan hasil panen"
        " sebesar 3,5 persen. Kami membahas arti temuan ini bagi kebijakan pertanian.",
        (
            (
                "Pendahuluan",
                "Padi adalah tanaman pangan terpenting di Indonesia dan menjadi sumber penghidupan jutaan petani. Dalam"
                " beberapa dekade terakhir suhu rata-rata di sebagian besar provinsi meningkat dengan jelas. Oleh karena"
                " itu penting untuk memahami bagaimana kenaikan suhu memengaruhi hasil panen padi.",
            ),
            (
                "Data dan metode",
                "Kami menggunakan data hasil panen tahunan setiap provinsi yang diterbitkan oleh Badan Pusat Statistik."
                " Data cuaca harian diperoleh dari semua stasiun Badan Meteorologi, Klimatologi, dan Geofisika. Kemudian"
                " kami menaksir model regresi yang menghubungkan hasil panen dengan suhu dan curah hujan.",
            ),
            (
                "Hasil dan pembahasan",
                "Hasil analisis menunjukkan bahwa hari-hari panas pada bulan Agustus paling banyak menurunkan hasil"
                " panen. Pengaruh ini lebih kuat di provinsi bagian timur yang curah hujannya lebih rendah. Pengaruh"
                " curah hujan sangat kecil di daerah yang memiliki irigasi yang baik.",
            ),
            (
                "Kesimpulan",
                "Penelitian ini menunjukkan bahwa perubahan iklim mengancam ketahanan pangan Indonesia. Pemerintah"
                " perlu mendukung pengembangan varietas padi yang tahan panas. Penelitian lebih lanjut tentang waktu"
                " tanam yang tepat masih diperlukan.",
            ),
        ),
        "Gambar 1. Hasil panen padi rata-rata per provinsi pada tahun 1990 sampai 2020.",
        "Daftar Pustaka",
    ),
    "el": Paper(
        "Η επίδραση της θερμοκρασίας στην απόδοση του σιταριού στην Ελλάδα",
        ("Γιώργος Παπαδόπουλος", "Αριστοτέλειο Πανεπιστήμιο Θεσσαλονίκης"),
        "Περίληψη",
        "Η μελέτη αυτή εξετάζει την επίδραση της θερμοκρασίας στην απόδοση του σιταριού στην Ελλάδα από το 1990 έως"
        " το 2020. Τα αποτελέσματα δείχνουν ότι η αύξηση της μέσης θερμοκρασίας της άνοιξης κατά έναν βαθμό μειώνει"
        " την απόδοση κατά τέσσερα τοις εκατό. Συζητάμε τι σημαίνουν τα ευρήματα για την αγροτική πολιτική.",
        (
            (
                "Εισαγωγή",
                "Το σιτάρι είναι η σημαντικότερη καλλιέργεια σιτηρών στην Ελλάδα και καλλιεργείται κυρίως στη Θεσσαλία."
                " Τις τελευταίες δεκαετίες η μέση θερμοκρασία αυξήθηκε αισθητά σε όλη τη χώρα. Πώς επηρεάζει άραγε η"
                " θέρμανση την απόδοση του σιταριού στα ελληνικά χωράφια\u037e",
            ),
            (
                "Δεδομένα και μέθοδοι",
                "Χρησιμοποιήσαμε ετήσια στοιχεία απόδοσης ανά νομό από την Ελληνική Στατιστική Αρχή. Τα ημερήσια"
                " μετεωρολογικά δεδομένα προήλθαν από την Εθνική Μετεωρολογική Υπηρεσία. Στη συνέχεια εκτιμήσαμε ένα"
                " μοντέλο παλινδρόμησης που συνδέει την απόδοση με τη θερμοκρασία και τη βροχόπτωση.",
            ),
            (
                "Αποτελέσματα",
                "Τα αποτελέσματα δείχνουν ότι οι ζεστές ημέρες του Μαΐου βλάπτουν την απόδοση περισσότερο από κάθε άλλο"
                " παράγοντα. Η επίδραση είναι ισχυρότερη στους νότιους νομούς, όπου οι βροχές είναι λιγότερες. Στα"
                " αρδευόμενα χωράφια η επίδραση της βροχής είναι πολύ μικρή.",
            ),
            (
                "Συμπεράσματα",
                "Η μελέτη δείχνει ότι η κλιματική αλλαγή απειλεί την παραγωγή σιταριού στην Ελλάδα. Η πολιτεία πρέπει"
                " να στηρίξει την ανάπτυξη ποικιλιών που αντέχουν στη ζέστη. Χρειάζεται περισσότερη έρευνα για τις"
                " κατάλληλες ημερομηνίες σποράς.",
            ),
        ),
        "Σχήμα 1. Η μέση απόδοση του σιταριού ανά περιφέρεια από το 1990 έως το 2020.",
        "Βιβλιογραφία",
    ),
    "tr": Paper(
        "Sıcaklığın Türkiye'de buğday verimi üzerindeki etkisi",
        ("Ayşe Yılmaz", "Ankara Üniversitesi Ziraat Fakültesi"),
        "Özet",
        "Bu çalışma, 1990 ile 2020 yılları arasında Türkiye'de sıcaklığın buğday verimi üzerindeki etkisini"
        " incelemektedir. Sonuçlar, yaz sıcaklığındaki bir derecelik artışın verimi yüzde 3,5 oranında azalttığını"
        " göstermektedir. Bu bulguların tarım politikası açısından anlamını tartışıyoruz.",
        (
            (
                "Giriş",
                "Buğday, Türkiye'nin en önemli tahıl ürünüdür ve milyonlarca çiftçinin geçim kaynağıdır. Son on yıllarda"
                " ortalama yaz sıcaklığı ülkenin büyük bölümünde belirgin biçimde artmıştır. Bu nedenle ısınmanın"
                " buğday verimini nasıl etkilediğini anlamak önemlidir.",
            ),
            (
                "Veri ve yöntem",
                "Türkiye İstatistik Kurumu'nun yayımladığı il bazında yıllık verim verilerini kullandık. Günlük hava"
                " durumu verileri Meteoroloji Genel Müdürlüğü'nün tüm istasyonlarından elde edildi. Ardından verimi"
                " sıcaklık ve yağışla ilişkilendiren bir regresyon modeli tahmin ettik.",
            ),
            (
                "Bulgular",
                "Sonuçlar, mayıs ayındaki sıcak günlerin verimi en çok düşüren etken olduğunu göstermektedir. Etki,"
                " yağışların az olduğu güneydoğu illerinde daha güçlüdür. Sulanan tarlalarda yağışın etkisi oldukça"
                " küçüktür.",
            ),
            (
                "Sonuç",
                "Bu çalışma, iklim değişikliğinin Türkiye'nin gıda güvenliğini tehdit ettiğini göstermektedir. Devlet,"
                " sıcağa dayanıklı buğday çeşitlerinin geliştirilmesini desteklemelidir. Uygun ekim zamanları hakkında"
                " daha fazla araştırmaya ihtiyaç vardır.",
            ),
        ),
        "Tablo 2. Tüm iller ve güneydoğu illeri için regresyon modelinin tahminleri.",
        "Kaynakça",
    ),
}


def _run_json(tmp_path: Path, command: str, text: str, *options: str) -> dict[str, Any]:
    path = tmp_path / "paper.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, [command, str(path), "-o", "json", *options])
    assert result.exit_code == 0, result.output
    out: dict[str, Any] = json.loads(result.stdout)
    return out


@pytest.mark.parametrize("code", sorted(PAPERS))
def test_headings_abstract_and_reference_list_are_found_in_any_script(tmp_path: Path, code: str) -> None:
    """Before: headings in scripts without case (Arabic, Hebrew, Hindi, Korean, Persian) and
    sentence-case ones ("Данные и методы", "Giới thiệu") were not found, Hindi and Korean ones were
    dropped as "fragment"; the abstract headings (الملخص, תקציר, सारांश, 초록, Tóm tắt, Анотація,
    Abstrak, چکیده) and reference headings (المراجع, 참고문헌, Tài liệu tham khảo ...) were unknown."""
    paper = PAPERS[code]
    cleaning = _run_json(tmp_path, "extract", paper.text())["cleaning"]
    assert [h["text"] for h in cleaning["headings"]] == [heading for heading, _ in paper.sections]
    assert cleaning["abstract"] == paper.abstract
    removed = {(r["reason"], r["text"].split("\n")[0]) for r in cleaning["removed_text"]}
    assert ("references", paper.references) in removed
    assert ("caption", paper.caption) in removed
    assert {("front_matter", line) for line in (paper.title, *paper.authors)} <= removed


@pytest.mark.parametrize("code", sorted(PAPERS))
def test_every_body_sentence_and_nothing_else_is_a_candidate(code: str) -> None:
    """Before: Hindi sentences end with "।", so none was a candidate (and their vowel signs, no
    letters to `str.isalpha`, made many "symbols"), nor the Greek question ending in U+037E; the
    abstract, a caption ("Рис. 1. ...") or a reference entry reached the candidates elsewhere."""
    paper = PAPERS[code]
    doc = build_document(article_from_text(paper.text()))
    body = " ".join(paper.body_paragraphs())
    assert [s.text for s in doc.sentences if not s.candidate] == []
    assert " ".join(s.text for s in doc.sentences) == body


@pytest.mark.parametrize("code", sorted(PAPERS))
def test_the_summary_is_made_of_body_sentences_only(tmp_path: Path, code: str) -> None:
    """What users saw: "الملخص تبحث ..." (the heading glued to a summary sentence), the Hindi
    summary made of the title, the author line and a reference entry, "참고문헌 Schlenker, W. ...
    (2009)." in the Korean one, the rest of a Russian caption."""
    paper = PAPERS[code]
    text = paper.text()
    out = _run_json(tmp_path, "summarize", text, "-w", "80")
    assert out["sentences"]
    for sentence in out["sentences"]:
        assert any(sentence["text"] in paragraph for paragraph in paper.body_paragraphs()), sentence["text"]
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]


def test_a_hard_wrapped_arabic_abstract_is_not_glued_to_its_heading() -> None:
    """In a hard-wrapped text the heading line joined the paragraph it heads: "الملخص تبحث ..."."""
    paper = PAPERS["ar"]
    wrapped = "\n".join("\n".join(textwrap.wrap(line, 75)) for line in paper.text().split("\n"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        summary = synopsis.summarize(wrapped, words=100)
    assert summary.sentences and not any("الملخص" in s.text for s in summary.sentences)
    doc = build_document(article_from_text(wrapped))
    assert doc.abstract.replace("\n", " ").startswith("تبحث هذه الدراسة")
    assert [s.title for s in doc.sections][1:] == [heading for heading, _ in paper.sections]


def test_persian_words_keep_their_zero_width_non_joiner(tmp_path: Path) -> None:
    """U+200C was stripped as junk: "می‌کند" printed as "میکند", and a sentence's text was no longer
    its span of the input."""
    text = PAPERS["fa"].text()
    out = _run_json(tmp_path, "summarize", text, "-w", "80")
    assert any("\u200c" in s["text"] for s in out["sentences"])
    assert all(text[s["start"] : s["end"]] == s["text"] for s in out["sentences"])
    # Beside a Latin letter the joiner still only breaks a ligature, and goes.
    latin = build_document(article_from_text(ENGLISH.replace("office", "of\u200cfice")))
    assert any("office" in s.text for s in latin.sentences)


def _decomposed(text: str) -> str:
    """`text` as macOS file names and some PDFs write it: letters and their accents apart."""
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize("code", ["fr", "vi", "ko"])
def test_decomposed_accents_are_read_as_the_letters_they_make(tmp_path: Path, code: str) -> None:
    """Before: "Résumé" written with a combining accent was no heading and was glued into the body,
    "Références" no reference list; Vietnamese and Korean (jamo) headings were not found."""
    text = (DATA / "lang" / "fr.txt").read_text(encoding="utf-8") if code == "fr" else PAPERS[code].text()
    composed = _run_json(tmp_path, "extract", text)["cleaning"]
    decomposed_text = _decomposed(text)
    assert decomposed_text != text
    decomposed = _run_json(tmp_path, "extract", decomposed_text)["cleaning"]
    assert decomposed["abstract"] == composed["abstract"] != ""
    assert [h["text"] for h in decomposed["headings"]] == [h["text"] for h in composed["headings"]]
    assert decomposed["removed"] == composed["removed"]
    summary = _run_json(tmp_path, "summarize", decomposed_text, "-w", "80")["sentences"]
    assert [s["text"] for s in summary] == [s["text"] for s in _run_json(tmp_path, "summarize", text, "-w", "80")["sentences"]]
    for sentence in summary:
        start, end = sentence["start"], sentence["end"]
        # The span takes whole letters: the accents of its first and last letters are inside it.
        assert unicodedata.normalize("NFC", decomposed_text[start:end]) == sentence["text"]
        assert not unicodedata.combining(decomposed_text[start])
        assert end == len(decomposed_text) or not unicodedata.combining(decomposed_text[end])


ENGLISH = "\n".join(
    (
        "Warming and the stagnation of wheat yields in Germany",
        "Anna Schmidt and John Miller",
        "University of Göttingen, Department of Agricultural Economics",
        "",
        "Abstract",
        "We estimate how much of the stagnation of German wheat yields since 1990 is due to warmer summers. One additional"
        " degree of summer temperature lowers yields by 3.5 percent. Warming explains about a third of the stagnation.",
        "",
        "1 Introduction",
        "Wheat is the most important staple crop of Central Europe, and its yields have stagnated over the last two"
        " decades. Summers have become warmer in the same period, and heat waves more frequent. We ask how much of the"
        " stagnation the warming explains, using the yields of every district and daily weather records from the office.",
        "",
        "2 Data and methods",
        "We use the yields of all 401 districts published by the Federal Statistical Office from 1990 to 2020. Daily"
        " temperature and precipitation come from the 500 stations of the national weather service. We estimate a panel"
        " regression of log yields on degree days above 30 °C with district and year effects.",
        "",
        "3 Results",
        "One additional degree of mean summer temperature lowers yields by 3.5 percent. The effect is strongest in the"
        " dry east of the country, where soils hold little water. Precipitation matters little once temperature is"
        " controlled for.",
        "",
        "4 Conclusions",
        "Warming explains about a third of the stagnation of wheat yields since 1990. Breeding for heat tolerance and"
        " earlier sowing dates could offset part of the loss. Our estimates give agricultural policy a measure of what is"
        " at stake.",
        "",
        "References",
        *ENTRIES,
        "",
    )
)
SECOND_ABSTRACTS = {
    "Zusammenfassung": "Wir schätzen, wie viel der Stagnation der Weizenerträge in Deutschland seit 1990 auf wärmere"
    " Sommer zurückgeht. Ein zusätzliches Grad Sommertemperatur senkt die Erträge um 3,5 Prozent. Die Erwärmung"
    " erklärt etwa ein Drittel der Stagnation.",
    "Résumé": "Nous estimons quelle part de la stagnation des rendements du blé en Allemagne depuis 1990 est due à des"
    " étés plus chauds. Un degré supplémentaire de température estivale réduit les rendements de 3,5 pour cent. Le"
    " réchauffement explique environ un tiers de la stagnation.",
    "Resumen": "Estimamos qué parte del estancamiento de los rendimientos del trigo en Alemania desde 1990 se debe a"
    " veranos más cálidos. Un grado adicional de temperatura estival reduce los rendimientos en un 3,5 por ciento. El"
    " calentamiento explica alrededor de un tercio del estancamiento.",
    "Resumo": "Estimamos quanto da estagnação da produtividade do trigo na Alemanha desde 1990 se deve a verões mais"
    " quentes. Um grau adicional de temperatura no verão reduz a produtividade em 3,5 por cento. O aquecimento explica"
    " cerca de um terço da estagnação.",
}


def _bilingual(heading: str, *, first: bool = False) -> str:
    """The English paper with a second abstract under `heading`, after its English one or before it."""
    second = f"{heading}\n{SECOND_ABSTRACTS[heading]}\n\n"
    if first:
        return ENGLISH.replace("Abstract\n", second + "Abstract\n", 1)
    return ENGLISH.replace("1 Introduction\n", second + "1 Introduction\n", 1)


@pytest.mark.parametrize("heading", sorted(SECOND_ABSTRACTS))
@pytest.mark.parametrize("first", [False, True], ids=["after", "before"])
def test_a_second_abstract_in_another_language_is_set_aside_and_listed(tmp_path: Path, heading: str, first: bool) -> None:
    """A bilingual journal's second abstract stayed in the body of an English paper (or, under
    "Résumé", went into its abstract): its sentences were candidates, in no removal's list."""
    text = _bilingual(heading, first=first)
    out = _run_json(tmp_path, "extract", text)
    assert out["language"] == "en"
    cleaning = out["cleaning"]
    assert cleaning["abstract"].startswith("We estimate how much") and "3,5" not in cleaning["abstract"]
    listed = [r["text"] for r in cleaning["removed_text"] if r["reason"] == "other_language_abstract"]
    assert listed == [heading, SECOND_ABSTRACTS[heading]]
    assert [h["text"] for h in cleaning["headings"]] == ["Introduction", "Data and methods", "Results", "Conclusions"]
    bilingual = _run_json(tmp_path, "summarize", text, "-w", "80")["sentences"]
    alone = _run_json(tmp_path, "summarize", ENGLISH, "-w", "80")["sentences"]
    assert [s["text"] for s in bilingual] == [s["text"] for s in alone]


@pytest.mark.parametrize("heading", sorted(SECOND_ABSTRACTS))
@pytest.mark.parametrize("first", [False, True], ids=["after", "before"])
def test_a_second_abstract_under_a_run_in_label_is_set_aside_and_listed(tmp_path: Path, heading: str, first: bool) -> None:
    """A second abstract as one paragraph after its label ("Resumen: La estimación ..."), the label
    run in (probe: the Spanish abstract of an English paper went into its body, none of it listed)."""
    text = _bilingual(heading, first=first).replace(f"{heading}\n", f"{heading}: ", 1)
    out = _run_json(tmp_path, "extract", text)
    cleaning = out["cleaning"]
    assert cleaning["abstract"].startswith("We estimate how much") and "3,5" not in cleaning["abstract"]
    listed = [r["text"] for r in cleaning["removed_text"] if r["reason"] == "other_language_abstract"]
    assert listed == [f"{heading}: {SECOND_ABSTRACTS[heading]}"]
    bilingual = _run_json(tmp_path, "summarize", text, "-w", "80")["sentences"]
    alone = _run_json(tmp_path, "summarize", ENGLISH, "-w", "80")["sentences"]
    assert [s["text"] for s in bilingual] == [s["text"] for s in alone]


def test_an_english_paragraph_after_another_languages_run_in_abstract_label_is_kept() -> None:
    text = APPLICATIONS.replace("Résumé\nThe résumé", "Résumé: The résumé")
    doc = build_document(article_from_text(text))
    assert any(s.text.startswith("Résumé: The résumé was the document") for s in doc.sentences)
    assert not [r for r in doc.meta["removals"] if r.reason == "other_language_abstract"]


@pytest.mark.parametrize("paragraphs", [1, 3])
def test_a_second_abstract_ends_where_the_text_reads_as_english_again(paragraphs: int) -> None:
    """With no heading between them, the English body after the second abstract stays body; a long
    second abstract (an extended one, past the 400 words an abstract has) is removed whole. (So long
    a Spanish text outweighs the short English body for detection: the language is given.)"""
    long = "\n\n".join([" ".join([SECOND_ABSTRACTS["Resumen"]] * 4)] * paragraphs)
    text = _bilingual("Resumen").replace(SECOND_ABSTRACTS["Resumen"], long).replace("1 Introduction\n", "")
    doc = build_document(article_from_text(text), lang="en")
    assert doc.sentences[0].text.startswith("Wheat is the most important staple crop")
    assert not any("trigo" in s.text for s in doc.sentences)
    removed = [r for r in doc.meta["removals"] if r.reason == "other_language_abstract"]
    assert "".join(text[r.start : r.end] for r in removed) == "Resumen" + long.replace("\n\n", "")


# An English paper on job applications: "Résumé" is one of its own sections (review of h29's rules).
APPLICATIONS = "\n".join(
    (
        "Writing for the Machine: Application Documents and Automated Screening",
        "Introduction",
        "Job seekers today face an application process that is increasingly mediated by software. Most large"
        " employers screen applications with applicant tracking systems before a recruiter reads them.",
        "Methods",
        "We followed 212 graduates of three universities during their first year on the labour market and collected"
        " every document they submitted, with the responses they received.",
        "Résumé",
        "The résumé was the document that applicants revised most often. On average, a participant produced 7.4"
        " versions of it during the year, and the versions differed mainly in the order of their sections.",
        "Participants who listed skills in the words of the job advertisement were invited more often, above all"
        " for positions in information technology, where automated screening is most common.",
        "Cover Letters",
        "Cover letters mattered less than the résumé. Applicants who rewrote them for each employer were invited"
        " to interview only slightly more often than those who sent the same letter everywhere.",
        "",
    )
)


def test_an_english_section_under_another_languages_abstract_word_is_kept(tmp_path: Path) -> None:
    """Before: the "Résumé" section of an English paper on résumés was removed as a second abstract
    in another language (its first paragraph and its heading: 'other_language_abstract')."""
    out = _run_json(tmp_path, "extract", APPLICATIONS)
    assert out["language"] == "en"
    cleaning = out["cleaning"]
    assert [h["text"] for h in cleaning["headings"]] == ["Introduction", "Methods", "Résumé", "Cover Letters"]
    assert "other_language_abstract" not in cleaning["removed"]
    sentences = {s.text: s.candidate for s in build_document(article_from_text(APPLICATIONS)).sentences}
    assert sentences["The résumé was the document that applicants revised most often."]


def test_a_second_abstract_is_read_alone_when_an_english_paragraph_follows_it() -> None:
    """The paragraph under "Résumé" is what tells a second abstract: the English body after it,
    with no heading between, is not read with it (and it was removed all the same)."""
    text = _bilingual("Résumé").replace("1 Introduction\n", "")
    doc = build_document(article_from_text(text))
    removed = [text[r.start : r.end] for r in doc.meta["removals"] if r.reason == "other_language_abstract"]
    assert removed == ["Résumé", SECOND_ABSTRACTS["Résumé"]]
    assert doc.sentences[0].text.startswith("Wheat is the most important staple crop")


ITALIAN_BODY = (
    "La scuola italiana ha conosciuto negli ultimi vent'anni una serie di riforme che hanno cambiato profondamente"
    " l'organizzazione della didattica. In questo articolo analizziamo gli effetti di queste riforme"
    " sull'insegnamento della poesia nelle scuole secondarie."
)
ITALIAN_MORE = (
    "Abbiamo raccolto i programmi di 120 istituti e intervistato 45 insegnanti. Le interviste mostrano che la"
    " poesia contemporanea è quasi assente dai programmi, e che gli insegnanti la considerano troppo difficile."
)
RUSSIAN_BODY = (
    "Школьное образование в России за последние двадцать лет пережило ряд реформ, которые существенно изменили"
    " организацию преподавания. В этой статье мы рассматриваем влияние этих реформ на преподавание поэзии."
)
RUSSIAN_MORE = (
    "Мы собрали программы 120 школ и провели интервью с 45 учителями. Интервью показывают, что современная поэзия"
    " почти отсутствует в программах и что учителя считают её слишком трудной для учеников."
)
# Ukrainian has no data file (Italian, Russian and Polish have one now): it keeps the sentence-case
# headings of a language without one under test; Polish, supported since, keeps the stanza case.
POLISH_BODY = (
    "Szkoła w Polsce przeszła w ostatnich dwudziestu latach kilka reform, które głęboko zmieniły organizację"
    " nauczania. W tym artykule badamy wpływ tych reform na nauczanie poezji w szkołach średnich."
)
POLISH_MORE = (
    "Zebraliśmy programy 120 szkół i przeprowadziliśmy wywiady z 45 nauczycielami. Wywiady pokazują, że poezja"
    " współczesna prawie nie występuje w programach, a nauczyciele uważają ją za zbyt trudną."
)
UKRAINIAN_BODY = (
    "Шкільна освіта в Україні за останні двадцять років пережила низку реформ, які суттєво змінили організацію"
    " викладання. У цій статті ми розглядаємо вплив цих реформ на викладання поезії."
)
UKRAINIAN_MORE = (
    "Ми зібрали програми 120 шкіл і провели інтерв'ю з 45 учителями. Інтерв'ю показують, що сучасна поезія"
    " майже відсутня в програмах і що вчителі вважають її занадто складною для учнів."
)
ARABIC_BODY = (
    "يتناول هذا البحث تطور الشعر العربي الحديث في القرن العشرين، ويركز على أثر الترجمة في تشكيل القصيدة الجديدة."
    " ونعتمد في ذلك على دراسة مجموعة من الدواوين التي صدرت بين عامي 1940 و1970."
)
ARABIC_MORE = (
    "ويكشف هذا المثال عن التحول الذي أحدثه الشعراء في الصورة الشعرية، إذ لم تعد الصورة زخرفاً يضاف إلى المعنى بل"
    " صارت هي المعنى نفسه، وهو ما نجده عند جيل كامل من الشعراء في العراق ومصر ولبنان."
)


@pytest.mark.parametrize(
    ("code", "text", "heading", "lines"),
    [
        (  # the last line of a quoted stanza
            "it",
            "La poesia nella scuola\nIntroduzione\n{body}\nDati e metodi\n{more} Il testo più citato è di Quasimodo:\n"
            "Ognuno sta solo sul cuor della terra\nTrafitto da un raggio di sole\nEd è subito sera\n{body}\n",
            "Dati e metodi",
            ["Ed è subito sera"],
        ),
        (  # the last item of a list
            "it",
            "La poesia nella scuola\nIntroduzione\n{body}\nDati e metodi\n{more} Gli obiettivi erano tre:\n"
            "Descrivere i programmi\nMisurare la presenza della poesia\nCapire le scelte degli insegnanti\n{body}\n",
            "Dati e metodi",
            ["Capire le scelte degli insegnanti"],
        ),
        (  # a line quoted after a colon
            "it",
            "La poesia nella scuola\nIntroduzione\n{body}\nDati e metodi\n{more} Un insegnante ci ha detto:\n"
            "Non abbiamo tempo per Montale\n{body}\n",
            "Dati e metodi",
            ["Non abbiamo tempo per Montale"],
        ),
        (
            "ru",
            "Поэзия в школе\nВведение\n{body}\nДанные и методы\n{more} Мы задавали учителям три вопроса:\n"
            "Каких поэтов читают ученики\nСколько часов отведено поэзии\nКакие учебники используются\n{body}\n",
            "Данные и методы",
            ["Какие учебники используются"],
        ),
        (  # the last line of a quoted stanza, in Polish (a language without a data file when written)
            "pl",
            "Poezja w szkole\nWprowadzenie\n{body}\nDane i metody\n{more} Najczęściej cytowany jest Miłosz:\n"
            "Kto skrzywdził człowieka prostego\nŚmiechem nad krzywdą wybuchając\nNie czuj się bezpieczny\n{body}\n",
            "Dane i metody",
            ["Nie czuj się bezpieczny"],
        ),
        (  # the last item of a list, in Cyrillic without a data file
            "uk",
            "Поезія в школі\nВступ\n{body}\nДані та методи\n{more} Ми ставили вчителям три запитання:\n"
            "Яких поетів читають учні\nСкільки годин відведено поезії\nЯкі підручники використовуються\n{body}\n",
            "Дані та методи",
            ["Які підручники використовуються"],
        ),
        (  # a verse in a script without case
            "ar",
            "الشعر العربي الحديث والترجمة\nمقدمة\n{body}\nالمنهج والبيانات\n{more} ومن أشهر الأبيات قول السياب:\n"
            "عيناك غابتا نخيل ساعة السحر\nأو شرفتان راح ينأى عنهما القمر\n{body}\n",
            "المنهج والبيانات",
            ["أو شرفتان راح ينأى عنهما القمر"],
        ),
    ],
    ids=["it-stanza", "it-list", "it-quoted-line", "ru-list", "pl-stanza", "uk-list", "ar-verse"],
)
def test_a_verse_or_list_item_before_a_paragraph_is_no_heading(code: str, text: str, heading: str, lines: list[str]) -> None:
    """Before: in a language without a data file, the last line of a stanza or list (short, a
    capital or no case, no end mark, a long line after it) was taken for a sentence-case heading:
    a section named "Ed è subito sera". A heading follows a paragraph's end (or a heading)."""
    body, more = {
        "it": (ITALIAN_BODY, ITALIAN_MORE),
        "ru": (RUSSIAN_BODY, RUSSIAN_MORE),
        "pl": (POLISH_BODY, POLISH_MORE),
        "uk": (UKRAINIAN_BODY, UKRAINIAN_MORE),
        "ar": (ARABIC_BODY, ARABIC_MORE),
    }[code]
    doc = build_document(article_from_text(text.format(body=body, more=more)), lang=code)
    titles = [section.title for section in doc.sections]
    assert heading in titles  # the sentence-case heading after a paragraph is still found
    assert not set(lines) & set(titles)
    assert set(lines) <= {sentence.text for sentence in doc.sentences}
