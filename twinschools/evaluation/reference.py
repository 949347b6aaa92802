"""The rubric of the 2023 form, as plain data (loaded by migration 0002).

Seven criteria: one per section of the form and one across them (the two-year
plans). Each level 0..5 says what the evaluator should find in the application;
level 0 is always "no evidence". The texts follow the label's five commitments
and the eSafety requirement described in research/domain.md §1.4.
"""

from __future__ import annotations

INTRODUCTION_2023 = {
    "en": "Each criterion is scored from 0 to 5, or marked not applicable, by two evaluators who work "
    "independently. The total is the weighted share of the points available, out of 100. Each "
    "evaluator also writes a comment per criterion, which your school reads with the decision.",
    "ro": "Fiecare criteriu este notat de la 0 la 5 sau marcat „nu se aplică” de doi evaluatori care "
    "lucrează independent. Totalul este partea ponderată din punctele posibile, din 100. Fiecare "
    "evaluator scrie și un comentariu pentru fiecare criteriu, pe care școala îl citește odată cu decizia.",
    "ca": "Dos avaluadors que treballen de manera independent puntuen cada criteri de 0 a 5 o el marquen "
    "com a no aplicable. El total és la part ponderada dels punts possibles, sobre 100. Cada avaluador "
    "també escriu un comentari per criteri, que la vostra escola llegeix juntament amb la decisió.",
}

# (code, section kind or "" for cross-cutting, weight, name, guidance, six level descriptors)
CRITERIA_2023 = [
    (
        "esafety",
        "esafety",
        1,
        {
            "en": "eSafety policy in place and lived",
            "ro": "Politica de siguranță online: există și este aplicată",
            "ca": "Política de seguretat a internet: existeix i s'aplica",
        },
        {
            "en": "Look for a written policy and for signs that teachers, pupils and parents know it and act on it.",
            "ro": "Căutați o politică scrisă și semne că profesorii, elevii și părinții o cunosc și acționează conform ei.",
            "ca": "Busqueu una política escrita i indicis que el professorat, l'alumnat i les famílies la coneixen i hi actuen d'acord.",
        },
        [
            {
                "en": "No eSafety policy is described and no evidence is given.",
                "ro": "Nu este descrisă nicio politică de siguranță online și nu sunt date dovezi.",
                "ca": "No es descriu cap política de seguretat a internet ni s'aporta cap evidència.",
            },
            {
                "en": "A policy is mentioned, but not shown; nothing says how it is applied.",
                "ro": "O politică este menționată, dar nu este prezentată; nimic nu arată cum este aplicată.",
                "ca": "S'esmenta una política, però no es mostra; res no indica com s'aplica.",
            },
            {
                "en": "A written policy exists, but it is generic and known mainly to the management.",
                "ro": "Există o politică scrisă, dar este generală și cunoscută mai ales de conducere.",
                "ca": "Hi ha una política escrita, però és genèrica i la coneix sobretot l'equip directiu.",
            },
            {
                "en": "The policy fits the school and teachers apply it; pupils and parents are informed.",
                "ro": "Politica se potrivește școlii și profesorii o aplică; elevii și părinții sunt informați.",
                "ca": "La política s'ajusta a l'escola i el professorat l'aplica; l'alumnat i les famílies n'estan informats.",
            },
            {
                "en": "The policy is reviewed regularly, taught in class and backed by clear procedures for incidents.",
                "ro": "Politica este revizuită periodic, predată la clasă și susținută de proceduri clare pentru incidente.",
                "ca": "La política es revisa periòdicament, es treballa a l'aula i té procediments clars per als incidents.",
            },
            {
                "en": "The whole school community shapes and lives the policy, pupils included, and the school shares its approach with others.",
                "ro": "Întreaga comunitate școlară, inclusiv elevii, construiește și trăiește politica, iar școala își împărtășește abordarea cu alții.",
                "ca": "Tota la comunitat escolar, alumnat inclòs, construeix i viu la política, i l'escola comparteix el seu enfocament amb altres.",
            },
        ],
    ),
    (
        "shared-leadership",
        "commitment-1",
        1,
        {"en": "Shared leadership", "ro": "Conducere partajată", "ca": "Lideratge compartit"},
        {
            "en": "Look for an eTwinning team, decisions taken together and the head's support.",
            "ro": "Căutați o echipă eTwinning, decizii luate împreună și sprijinul directorului.",
            "ca": "Busqueu un equip eTwinning, decisions preses conjuntament i el suport de la direcció.",
        },
        [
            {
                "en": "No evidence of shared leadership is given.",
                "ro": "Nu sunt date dovezi de conducere partajată.",
                "ca": "No s'aporta cap evidència de lideratge compartit.",
            },
            {
                "en": "eTwinning depends on one teacher; the management is not involved.",
                "ro": "eTwinning depinde de un singur profesor; conducerea nu este implicată.",
                "ca": "eTwinning depèn d'un sol docent; l'equip directiu no hi participa.",
            },
            {
                "en": "A few teachers are involved and the head supports them, but decisions are not shared.",
                "ro": "Câțiva profesori sunt implicați și directorul îi sprijină, dar deciziile nu sunt împărțite.",
                "ca": "Hi participen uns quants docents i la direcció els dona suport, però les decisions no es comparteixen.",
            },
            {
                "en": "An eTwinning team with clear roles decides together, with the head's active support.",
                "ro": "O echipă eTwinning cu roluri clare decide împreună, cu sprijinul activ al directorului.",
                "ca": "Un equip eTwinning amb rols clars decideix conjuntament, amb el suport actiu de la direcció.",
            },
            {
                "en": "Leadership is distributed: teachers lead initiatives and eTwinning is part of the school's strategy.",
                "ro": "Conducerea este distribuită: profesorii conduc inițiative, iar eTwinning face parte din strategia școlii.",
                "ca": "El lideratge està distribuït: els docents impulsen iniciatives i eTwinning forma part de l'estratègia de l'escola.",
            },
            {
                "en": "Staff, pupils and parents share in decisions, and the team renews itself so that the work outlasts any one person.",
                "ro": "Personalul, elevii și părinții participă la decizii, iar echipa se reînnoiește astfel încât munca să nu depindă de o singură persoană.",
                "ca": "El personal, l'alumnat i les famílies participen en les decisions, i l'equip es renova perquè la feina no depengui de cap persona.",
            },
        ],
    ),
    (
        "collaboration",
        "commitment-2",
        1,
        {
            "en": "Collaboration and the eTwinning action plan",
            "ro": "Colaborarea și planul de acțiune eTwinning",
            "ca": "Col·laboració i pla d'acció eTwinning",
        },
        {
            "en": "Look for teachers working together across subjects and a plan with goals, actions and follow-up.",
            "ro": "Căutați profesori care lucrează împreună la mai multe discipline și un plan cu obiective, acțiuni și monitorizare.",
            "ca": "Busqueu docents que treballen junts entre matèries i un pla amb objectius, accions i seguiment.",
        },
        [
            {
                "en": "No evidence of collaboration or of an action plan is given.",
                "ro": "Nu sunt date dovezi de colaborare sau de un plan de acțiune.",
                "ca": "No s'aporta cap evidència de col·laboració ni de pla d'acció.",
            },
            {
                "en": "Projects are run by teachers on their own; there is no plan.",
                "ro": "Proiectele sunt derulate de profesori individual; nu există un plan.",
                "ca": "Els projectes els porten docents pel seu compte; no hi ha cap pla.",
            },
            {
                "en": "Some teachers collaborate; a plan exists but lists activities rather than goals.",
                "ro": "Unii profesori colaborează; există un plan, dar el enumeră activități, nu obiective.",
                "ca": "Alguns docents col·laboren; hi ha un pla, però enumera activitats en lloc d'objectius.",
            },
            {
                "en": "Teachers of several subjects collaborate regularly, following a plan with goals and responsibilities.",
                "ro": "Profesori de la mai multe discipline colaborează regulat, după un plan cu obiective și responsabilități.",
                "ca": "Docents de diverses matèries col·laboren regularment seguint un pla amb objectius i responsabilitats.",
            },
            {
                "en": "The plan is followed up and adjusted; collaboration and sharing of practice are part of professional development.",
                "ro": "Planul este urmărit și ajustat; colaborarea și schimbul de practici fac parte din dezvoltarea profesională.",
                "ca": "Es fa el seguiment del pla i s'ajusta; la col·laboració i l'intercanvi de pràctiques formen part del desenvolupament professional.",
            },
            {
                "en": "Collaboration is the school's way of working: the plan is shared, evaluated with evidence and improved every year.",
                "ro": "Colaborarea este modul de lucru al școlii: planul este comun, evaluat pe bază de dovezi și îmbunătățit în fiecare an.",
                "ca": "La col·laboració és la manera de treballar de l'escola: el pla és compartit, s'avalua amb evidències i es millora cada any.",
            },
        ],
    ),
    (
        "student-agency",
        "commitment-3",
        1,
        {
            "en": "Students as agents of change",
            "ro": "Elevii ca agenți ai schimbării",
            "ca": "L'alumnat com a agent de canvi",
        },
        {
            "en": "Look for pupils who choose, lead and carry out initiatives, and whose voice changes the school.",
            "ro": "Căutați elevi care aleg, conduc și realizează inițiative și a căror voce schimbă școala.",
            "ca": "Busqueu alumnes que trien, lideren i duen a terme iniciatives, i la veu dels quals canvia l'escola.",
        },
        [
            {
                "en": "No evidence of pupils' participation is given.",
                "ro": "Nu sunt date dovezi privind participarea elevilor.",
                "ca": "No s'aporta cap evidència de la participació de l'alumnat.",
            },
            {
                "en": "Pupils take part in activities that teachers design and lead.",
                "ro": "Elevii participă la activități concepute și conduse de profesori.",
                "ca": "L'alumnat participa en activitats que dissenyen i dirigeixen els docents.",
            },
            {
                "en": "Pupils are consulted and make some choices within projects.",
                "ro": "Elevii sunt consultați și fac unele alegeri în cadrul proiectelor.",
                "ca": "Es consulta l'alumnat i fa algunes tries dins dels projectes.",
            },
            {
                "en": "Pupils plan and lead parts of projects and their views are heard and answered.",
                "ro": "Elevii planifică și conduc părți din proiecte, iar opiniile lor sunt ascultate și primesc răspuns.",
                "ca": "L'alumnat planifica i lidera parts dels projectes, i les seves opinions s'escolten i reben resposta.",
            },
            {
                "en": "Pupils' initiatives reach beyond the classroom and have changed something in the school or its community.",
                "ro": "Inițiativele elevilor depășesc clasa și au schimbat ceva în școală sau în comunitatea ei.",
                "ca": "Les iniciatives de l'alumnat van més enllà de l'aula i han canviat alguna cosa a l'escola o a la seva comunitat.",
            },
            {
                "en": "Pupils are partners in the school's decisions, lead lasting initiatives and mentor younger pupils.",
                "ro": "Elevii sunt parteneri în deciziile școlii, conduc inițiative durabile și îi îndrumă pe elevii mai mici.",
                "ca": "L'alumnat és soci en les decisions de l'escola, lidera iniciatives duradores i fa de mentor dels alumnes més petits.",
            },
        ],
    ),
    (
        "model-school",
        "commitment-4",
        1,
        {
            "en": "The school as a model for others",
            "ro": "Școala ca model pentru alte școli",
            "ca": "L'escola com a model per a altres escoles",
        },
        {
            "en": "Look for what the school does to share its experience: open days, training, mentoring other schools.",
            "ro": "Căutați ce face școala pentru a-și împărtăși experiența: zile deschise, formări, mentorat pentru alte școli.",
            "ca": "Busqueu què fa l'escola per compartir la seva experiència: jornades de portes obertes, formacions, mentoria d'altres escoles.",
        },
        [
            {
                "en": "No evidence of outreach to other schools is given.",
                "ro": "Nu sunt date dovezi de deschidere către alte școli.",
                "ca": "No s'aporta cap evidència d'accions cap a altres escoles.",
            },
            {
                "en": "The school's eTwinning work is known only inside the school.",
                "ro": "Activitatea eTwinning a școlii este cunoscută doar în interiorul școlii.",
                "ca": "La feina eTwinning de l'escola només es coneix dins de l'escola.",
            },
            {
                "en": "The school presents its work occasionally, for example on its website or at a local meeting.",
                "ro": "Școala își prezintă ocazional activitatea, de exemplu pe site sau la o întâlnire locală.",
                "ca": "L'escola presenta la seva feina de tant en tant, per exemple al web o en una trobada local.",
            },
            {
                "en": "The school regularly shares its practice with other schools through events or training.",
                "ro": "Școala își împărtășește regulat practica cu alte școli prin evenimente sau formări.",
                "ca": "L'escola comparteix regularment la seva pràctica amb altres escoles mitjançant esdeveniments o formacions.",
            },
            {
                "en": "The school mentors other schools and can show what changed for them.",
                "ro": "Școala îndrumă alte școli și poate arăta ce s-a schimbat pentru ele.",
                "ca": "L'escola fa de mentora d'altres escoles i pot mostrar què ha canviat per a elles.",
            },
            {
                "en": "The school is a reference in its region: it leads networks, trains teachers and its practices are taken up by others.",
                "ro": "Școala este un reper în regiune: conduce rețele, formează profesori, iar practicile ei sunt preluate de alții.",
                "ca": "L'escola és un referent a la seva regió: lidera xarxes, forma docents i altres n'adopten les pràctiques.",
            },
        ],
    ),
    (
        "inclusion-innovation",
        "commitment-5",
        1,
        {
            "en": "Inclusion and innovation",
            "ro": "Incluziune și inovare",
            "ca": "Inclusió i innovació",
        },
        {
            "en": "Look for how every pupil is included and how the school tries, evaluates and adopts new ways of teaching.",
            "ro": "Căutați cum este inclus fiecare elev și cum încearcă, evaluează și adoptă școala noi moduri de predare.",
            "ca": "Busqueu com s'inclou tot l'alumnat i com l'escola prova, avalua i adopta noves maneres d'ensenyar.",
        },
        [
            {
                "en": "No evidence of inclusion or innovation is given.",
                "ro": "Nu sunt date dovezi de incluziune sau inovare.",
                "ca": "No s'aporta cap evidència d'inclusió ni d'innovació.",
            },
            {
                "en": "Inclusion and innovation are stated as values, without examples.",
                "ro": "Incluziunea și inovarea sunt declarate ca valori, fără exemple.",
                "ca": "La inclusió i la innovació es declaren com a valors, sense exemples.",
            },
            {
                "en": "Some measures or new methods are described, in single classes or projects.",
                "ro": "Sunt descrise unele măsuri sau metode noi, în clase sau proiecte izolate.",
                "ca": "Es descriuen algunes mesures o mètodes nous, en grups o projectes aïllats.",
            },
            {
                "en": "Inclusion measures reach pupils with fewer opportunities and new methods are used in several subjects.",
                "ro": "Măsurile de incluziune ajung la elevii cu mai puține oportunități, iar metodele noi sunt folosite la mai multe discipline.",
                "ca": "Les mesures d'inclusió arriben a l'alumnat amb menys oportunitats i els mètodes nous s'usen en diverses matèries.",
            },
            {
                "en": "The school evaluates what its measures and methods achieve and keeps what works.",
                "ro": "Școala evaluează ce obțin măsurile și metodele ei și păstrează ce funcționează.",
                "ca": "L'escola avalua què aconsegueixen les seves mesures i mètodes i manté el que funciona.",
            },
            {
                "en": "The school works as a learning organisation: it innovates with evidence, includes every pupil and shares what it learns.",
                "ro": "Școala funcționează ca o organizație care învață: inovează pe baza dovezilor, include fiecare elev și împărtășește ce învață.",
                "ca": "L'escola funciona com una organització que aprèn: innova amb evidències, inclou tot l'alumnat i comparteix el que aprèn.",
            },
        ],
    ),
    (
        "two-year-plan",
        "",
        2,
        {
            "en": "Quality of the two-year plan",
            "ro": "Calitatea planului pe doi ani",
            "ca": "Qualitat del pla de dos anys",
        },
        {
            "en": "Read the plans of every section together: are the goals concrete, realistic, shared and measurable?",
            "ro": "Citiți împreună planurile tuturor secțiunilor: sunt obiectivele concrete, realiste, asumate de toți și măsurabile?",
            "ca": "Llegiu junts els plans de totes les seccions: els objectius són concrets, realistes, compartits i mesurables?",
        },
        [
            {
                "en": "No plan for the next two years is given.",
                "ro": "Nu este prezentat niciun plan pentru următorii doi ani.",
                "ca": "No es presenta cap pla per als dos anys vinents.",
            },
            {
                "en": "The plans are general intentions without actions or dates.",
                "ro": "Planurile sunt intenții generale, fără acțiuni sau termene.",
                "ca": "Els plans són intencions generals sense accions ni dates.",
            },
            {
                "en": "The plans list actions, but goals, people responsible or timing are missing.",
                "ro": "Planurile enumeră acțiuni, dar lipsesc obiectivele, responsabilii sau termenele.",
                "ca": "Els plans enumeren accions, però hi falten objectius, responsables o calendari.",
            },
            {
                "en": "The plans give concrete goals, actions, people responsible and dates for each commitment.",
                "ro": "Planurile dau obiective concrete, acțiuni, responsabili și termene pentru fiecare angajament.",
                "ca": "Els plans donen objectius concrets, accions, responsables i dates per a cada compromís.",
            },
            {
                "en": "The plans build on the school's current practice and say how progress will be measured.",
                "ro": "Planurile pornesc de la practica actuală a școlii și spun cum va fi măsurat progresul.",
                "ca": "Els plans parteixen de la pràctica actual de l'escola i diuen com se'n mesurarà el progrés.",
            },
            {
                "en": "The plans are ambitious and realistic, agreed by the whole team, and a renewing school reviews its previous plan honestly.",
                "ro": "Planurile sunt ambițioase și realiste, asumate de întreaga echipă, iar o școală care reînnoiește eticheta își analizează onest planul anterior.",
                "ca": "Els plans són ambiciosos i realistes, acordats per tot l'equip, i una escola que renova el segell revisa amb honestedat el seu pla anterior.",
            },
        ],
    ),
]
