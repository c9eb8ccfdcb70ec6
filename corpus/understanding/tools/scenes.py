# ruff: noqa: E501 - scene paragraphs are one line each, as a story is pasted
"""Scene templates for the generated part of the corpus: our own writing, with slots.

Slots: {A} {B} {C} a name form of each person (as narration uses it), {Av} {Bv} {Cv} what
the others call them aloud, {AU} {BU} the name shouted in capitals, {Ahe} {AHe} {Ahis} {AHis} {Ahim} (and the same for B), {place}
{place2} {org} {obj} {drink} {food} {interj} {weapon} {enemy}. [[one|other]] picks one
phrasing. Each scene lists the content tags a careful tagger would give it (from the
analyzer's vocabulary) and whether it swears. C's pronouns are never used (C may be "they").
"""

# kind: list of (tags, swears, paragraphs)
SCENES: dict[str, list[tuple[list[str], bool, list[str]]]] = {
    "quiet": [
        ([], False, [
            "Morning came in grey over {place}, and {A} was awake before anyone else, as usual. {AHe} made {drink} in the good mug and stood at the window watching the [[rain|fog|frost]] do nothing in particular.",
            "{B} found {Ahim} there twenty minutes later, still in yesterday's clothes, hair sticking up at the back. \"You didn't sleep,\" {Bhe} said. It wasn't a question.",
            "\"I slept a bit.\" {A} handed over the mug without being asked. \"Some. Enough.\"",
            "{B} drank half of it in one go and made a face. \"That's terrible.\" {BHe} drank the rest anyway, and leaned against the counter beside {Ahim}, close enough that their elbows touched, and for a while neither of them said anything at all.",
        ]),
        ([], False, [
            "The {obj} had been broken for three days before {A} admitted that {Ahe} could not fix it on {Ahis} own.",
            "\"Give it here,\" said {B}, holding out a hand, and {A} gave it over with the bad grace of someone who had been hoping not to be noticed.",
            "It took {B} a quarter of an hour, a borrowed screwdriver and a great deal of muttering. When it was done {Bhe} held it up like a trophy. \"There. Good as new.\"",
            "\"It was never good when it was new,\" said {A}, but {Ahe} was smiling, and {Ahe} kept the {obj} close all afternoon as if it might break again the moment {Ahe} looked away.",
        ]),
        ([], False, [
            "They walked back from {place} the long way, because {B} wanted {food} and the only place still open was on the far side of the river.",
            "{A} talked the whole way. About {org}, about the weather, about a dream {Ahe} had had where everyone {Ahe} knew was a [[goose|cat|teapot]] and {B} was the only one who could understand {Ahim}.",
            "\"That's the stupidest thing I've ever heard,\" said {B}. \"And what was I?\"",
            "\"The handsome one,\" said {A} seriously, and {B} laughed so hard {Bhe} had to stop walking and lean on a lamp post, and {A} waited for {Bhim}, grinning, while the streetlights came on one by one.",
        ]),
        ([], False, [
            "There was a list on the wall at {place} of everything that needed doing before the end of the week, and {A} had written most of it, and {B} had crossed most of it out.",
            "\"You can't just cross things out,\" {A} said. \"That's not how lists work, {Bv}.\"",
            "\"It's exactly how lists work. I did them.\" {B} tapped the page. \"Look. Buy {food}. Done. Fix the door. Done. Stop {A} from worrying. Ongoing.\"",
            "{A} snatched the pen out of {Bhis} hand, and wrote underneath, in very small letters, *thank you*, and did not look at {Bhim} while {Bhe} read it.",
        ]),
        ([], False, [
            "The rain hadn't stopped since Tuesday. By Thursday afternoon the whole of {place} smelled of wet wool and woodsmoke, and {A} had read every book in the house twice.",
            "{C} came in shaking water off a borrowed coat, or trying to, and announced that the road to {place2} was flooded and nobody was going anywhere until at least Saturday.",
            "\"Good,\" said {B} from under a blanket on the couch. \"I like it here.\"",
            "{A} looked at {Bhim} for a moment, all tucked up and sleepy and pleased with {Bhimself}, and found that {Ahe} liked it here too.",
        ]),
        ([], False, [
            "{A} was terrible at cooking. Everybody knew this. It was one of the fixed facts of the world, like the sun coming up or {org} being a pain in the neck.",
            "So it was a surprise to everyone, {A} most of all, when the bread came out of the oven golden and perfect and smelling like a holiday.",
            "{B} took one bite and closed {Bhis} eyes. \"I take back everything I ever said about your cooking,\" {Bhe} said, with {Bhis} mouth full.",
            "\"Ask me again when you've swallowed,\" said {A}, and went very pink, and cut {Bhim} a second slice.",
        ]),
    ],
    "romance": [
        ([], False, [
            "It happened at the end of a long day, the way the important things always seemed to. {A} was sitting on the steps outside {place} and {B} came and sat down beside {Ahim}, and for once neither of them had anything clever to say.",
            "\"I keep thinking about it,\" {B} said eventually. \"What you said. Before.\"",
            "\"I meant it.\" {A}'s voice came out rough. \"I know I shouldn't have said it like that. But I meant it, {Bv}.\"",
            "{B} turned and looked at {Ahim}, really looked, and then leaned in and kissed {Ahim}, slow and careful, like a question. {A} answered it. When they finally broke apart {B} was laughing softly against {Ahis} mouth. \"Took you long enough.\"",
        ]),
        ([], False, [
            "{B} had been holding {A}'s hand for the whole of the walk back from {place2}, and neither of them had mentioned it.",
            "It was a very nice hand. Warm and calloused and a bit too big, and it fit around {B}'s fingers as if somebody had measured. {B} tried not to think about it too hard, and failed, and thought about it all the way home.",
            "At the door {A} hesitated. \"I could let go,\" {Ahe} offered, \"if you want.\"",
            "\"Don't you dare,\" said {B}.",
        ]),
        ([], False, [
            "\"I'm in love with you,\" {A} said, to the ceiling, at two in the morning, in the dark. \"I have been for ages. I thought you should know.\"",
            "There was a long silence from the other side of the room. Then the creak of a bed and bare feet on the floor, and {B} was there, kneeling by the bed, {Bhis} face a pale shape in the dark.",
            "\"You can't just say that,\" {B} whispered. \"You can't just say that and then go to sleep.\"",
            "\"I wasn't going to go to sleep.\" {A} reached out and found {Bhis} face with {Ahis} fingers. \"I was going to wait and see what you'd say.\" And what {B} said, in the end, was nothing at all; {Bhe} just climbed in under the blanket and held on.",
        ]),
        ([], False, [
            "There was music coming from somewhere down the street, a song {A} half knew, and {B} held out a hand with a ridiculous little bow.",
            "\"I don't dance,\" said {A}.",
            "\"Everybody dances. You just haven't been asked properly.\" {B} waggled {Bhis} fingers. \"Come on, {Av}. Nobody's watching.\"",
            "Somebody was watching, probably; {C} was certainly at the window. But {A} took the hand anyway and let {B} pull {Ahim} into the middle of the empty road, and they swayed there under the streetlight, badly, happily, until the song ran out.",
        ]),
        ([], False, [
            "{A} kissed {B} for the first time in the kitchen at {place}, with flour on both their hands, because {B} had said something so stupid that it was the only way to make {Bhim} stop talking.",
            "It worked. {B} stopped talking. {BHe} also dropped the bowl, which went everywhere.",
            "\"Oh,\" said {B} faintly, when {Bhe} could. \"Oh. Okay. Is that, are we, is that a thing we do now?\"",
            "\"If you want it to be.\" {A} was blushing to {Ahis} ears. \"I'd like it to be.\" {B} wiped {Bhis} hands on {Bhis} shirt, looked at the mess on the floor, and kissed {Ahim} again.",
        ]),
        ([], False, [
            "They shared the bed at the inn because there was only one, and because {B} said that pretending otherwise would be childish, and because neither of them had the energy left to argue.",
            "{A} lay on the very edge, stiff as a plank. {B} lasted about ten minutes before {Bhe} started laughing into the pillow.",
            "\"What,\" said {A}.",
            "\"You're going to fall off.\" {B} reached over in the dark and tugged {Ahim} back by the sleeve, and {A} let {Bhim}, and somewhere around midnight they ended up tangled together in the middle, {Ahis} head on {B}'s shoulder, both of them pretending to be asleep.",
        ]),
    ],
    "friend": [
        ([], False, [
            "{C} found {A} on the roof, which was where {A} always went when {Ahe} didn't want to be found, and sat down without asking.",
            "\"Go on, then,\" said {C}. \"What's {B} done now?\"",
            "\"Nothing.\" {A} picked at a loose thread. \"Everything. I don't know. I think I'm making a mess of it.\"",
            "{C} bumped {Ahis} shoulder, hard enough to rock {Ahim} sideways. \"You always think that. You're always wrong. Come on, {Av}. I'll buy you {food} and you can tell me the whole stupid story from the beginning.\"",
        ]),
        ([], False, [
            "There was an old argument between {A} and {C} about who had won the very first fight they ever had, and it came up again that night over {drink} at {place}.",
            "\"I won,\" said {C}. \"You cried.\"",
            "\"I had something in my eye. You cheated.\"",
            "\"I did cheat,\" {C} agreed cheerfully, and raised {Cv}'s glass. \"To cheating. And to you, {Av}. I'd do it all again.\" And {A}, who had never once said so out loud, raised {Ahis} glass back and said, \"Me too.\"",
        ]),
        ([], False, [
            "\"You look like death,\" {C} said, cheerfully, dropping a bag of {food} in {A}'s lap. \"Eat something.\"",
            "\"I'm not hungry.\"",
            "\"Didn't ask if you were hungry. Asked you to eat.\" {C} sat down on the other end of the bench and stole one back. \"{B} told me to check on you. Said you'd sulk otherwise.\"",
            "\"I don't sulk,\" said {A}, sulking, and ate three in a row, and felt, for the first time all week, that things might turn out all right.",
        ]),
        ([], False, [
            "They had been friends for so long that {A} could not remember a time before {C}, and some days that felt like the only solid thing in the world.",
            "So when {C} turned up at the door of {place} at midnight with a bag over one shoulder and a split lip, {A} didn't ask any questions. {AHe} just stood aside and let {Cv} in, and put the kettle on, and found the spare blanket.",
            "\"Thanks,\" {C} said, much later, into the dark.",
            "\"Don't,\" said {A}. \"You'd do the same.\"",
        ]),
    ],
    "sex": [
        (["Sexual Content"], False, [
            "The door had barely shut behind them before {B} had {A} pressed up against it, kissing {Ahim} hungrily, hands already pulling at {Ahis} shirt.",
            "They undressed each other clumsily, laughing when a button stuck, and stumbled to the bed in a tangle of limbs. {A} mapped {B}'s bare skin with {Ahis} mouth, every scar and freckle, until {B} was arching up under {Ahim} and gasping {Ahis} name.",
            "They had sex slowly at first and then not slowly at all, {B}'s fingers digging into {Ahis} back, the old bed creaking in protest, and when {A} came apart it was with {B}'s name on {Ahis} lips and {B} holding {Ahim} through it.",
            "Afterwards they lay naked and sweaty in the wreck of the sheets. {B} traced lazy circles on {A}'s hip. \"We should have done that months ago,\" {Bhe} said, and {A} laughed, and pulled {Bhim} closer.",
        ]),
        (["Sexual Content"], False, [
            "Later, {A} would remember the night in pieces: the lamp knocked over, the cold of the sheets, the heat of {B}'s bare chest against {Ahis}.",
            "{B} took {Ahis} clothes off one piece at a time, slow and deliberate, kissing each new inch of skin, until {A} was shaking with wanting and begged {Bhim} to hurry up.",
            "\"Patience,\" {B} murmured against {Ahis} thigh, and then there was no more talking for a long while, only breath and skin and the slow, sure rhythm of their bodies moving together until they both came undone.",
            "When it was over {A} lay with {Ahis} head on {B}'s chest, listening to {Bhis} heart slow down. \"Stay,\" {Ahe} said. {B} was already asleep, one arm heavy across {Ahis} back, and that was answer enough.",
        ]),
    ],
    "fight_graphic": [
        (["Graphic Violence", "Blood"], True, [
            "The {enemy} came out of the dark all at once, and there was no time to think. {A} drew {Ahis} {weapon} and met the first one head on.",
            "It was ugly and fast. {AHe} opened one of them from shoulder to hip and the blood came out in a hot black sheet across {Ahis} hands and face. Another caught {Ahim} across the ribs and {Ahe} felt the skin split and the warm gush of it soaking {Ahis} shirt. Somebody was screaming. {AHe} thought it might be {Ahimself}.",
            "{B} was there, suddenly, at {Ahis} back, and the last of them went down with a sound like a wet sack hitting stone, its skull caved in, bone and brains across the cobbles. The alley stank of blood and piss and smoke.",
            "\"Shit,\" {B} said, breathing hard, staring at the gore on {Bhis} own hands. \"{Av}. Fuck. You're bleeding. There's so much blood.\"",
        ]),
        (["Graphic Violence", "Blood"], True, [
            "The first blow broke {A}'s nose. {AHe} heard it crunch before {Ahe} felt it, and then {Ahis} mouth was full of blood and the world tipped sideways.",
            "{AHe} got up anyway. {AHe} always got up. The second man came at {Ahim} with the {weapon} and {A} caught his wrist and twisted until the bone snapped with a noise like green wood, and the man shrieked and dropped to his knees, and {A} drove a knee into his face and felt his teeth give way.",
            "There was blood everywhere by the end. On the walls of {place}, on the floor, pooling dark and sticky under the bodies, dripping from {A}'s chin. One of them was still moving, dragging himself toward the door with his guts spilling between his fingers.",
            "\"{AU}! {AU}, WHERE ARE YOU?\" {B} found {Ahim} like that, standing in the middle of it, shaking. \"Jesus fucking Christ,\" {Bhe} breathed. \"{Av}, look at me. Look at me. It's over.\"",
        ]),
    ],
    "fight_mild": [
        (["Blood"], False, [
            "It was supposed to be a simple job. It was never a simple job. By the time they got clear of {place2}, {A} had a cut over one eye that would not stop bleeding, and {B} was furious.",
            "\"Sit down,\" {B} snapped, and {A} sat, because {B} in that mood was more dangerous than {enemy}.",
            "{B} cleaned the cut with hands that were not quite steady. There was blood on {Bhis} sleeve, blood on the cloth, blood drying in a sticky line down the side of {A}'s face and into {Ahis} collar.",
            "\"You scared me,\" {B} said quietly, when it was done. \"Don't do that again.\" And {A}, who knew better than to promise, just caught {Bhis} hand and held it against {Ahis} cheek.",
        ]),
        (["Blood"], False, [
            "{A} didn't notice {Ahe} was hurt until {B} went white and pointed.",
            "There was a long gash across the back of {Ahis} hand from where the {obj} had caught {Ahim}, and the blood had run down between {Ahis} fingers and dripped onto the floor in fat red drops.",
            "\"Oh,\" said {A}. \"That's a lot of blood, isn't it.\"",
            "\"{AU}! Sit down before you fall down,\" said {B}, already tearing a strip off the bottom of {Bhis} own shirt, and wrapped the hand up tight, and kept hold of it for a good deal longer than the bandage needed.",
        ]),
    ],
    "hospital": [
        (["Hospitalization"], False, [
            "The hospital smelled of bleach and cold coffee. {B} had been sitting in the same plastic chair beside {A}'s bed for nineteen hours, and a nurse had stopped telling {Bhim} to go home.",
            "{A} was hooked up to three different machines. One of them beeped every time {Ahis} heart beat, and {B} had started counting the beeps, because it was better than thinking.",
            "The doctor came round at six with a clipboard and said words like *stable* and *observation* and *a few more days on the ward*, and {B} nodded and did not take in any of it.",
            "Around midnight {A} woke up. {AHe} blinked at the ceiling, then at the drip in {Ahis} arm, then at {B}. \"You look awful,\" {Ahe} croaked. {B} laughed, and it came out as something much closer to a sob.",
        ]),
        (["Hospitalization"], False, [
            "They kept {A} in the hospital for a week. {AHe} hated every minute of it.",
            "{AHe} hated the gown and the food and the way the nurses woke {Ahim} every four hours to take {Ahis} blood pressure. {AHe} hated the drip and the stitches and the doctor who called {Ahim} *sweetheart*. Most of all {Ahe} hated being stuck in a bed while {B} sat beside it looking like the world had ended.",
            "\"They're discharging you on Friday,\" {B} told {Ahim} on the fifth day. \"If you behave.\"",
            "\"I always behave.\" {A} caught {Bhis} hand on the blanket. \"Stay till they kick you out?\" {B} stayed. The night nurse pretended not to see.",
        ]),
    ],
    "death": [
        (["Character Death"], False, [
            "{C} died a little after three in the morning, with the rain coming down outside and {A} holding {Cv}'s hand.",
            "It was not dramatic. There were no last words worth remembering. {C} just breathed, and breathed, and then didn't, and the silence where the breathing had been was so loud that {A} could not understand why nobody else could hear it.",
            "{B} found {Ahim} still sitting there at dawn. {BHe} closed {C}'s eyes, gently, and pulled the sheet up, and then knelt and put {Bhis} arms around {A}, who had not cried yet and did not know how to start.",
            "\"{C} is dead,\" {A} said, as if {Ahe} needed to hear it. \"{C} is gone.\"",
        ]),
        (["Character Death"], False, [
            "They buried {C} on the hill above {place}, under a sky so blue it felt like an insult.",
            "Everyone came. {B} stood at the front in a borrowed black coat and read out something {C} had written once, years ago, and did not make it to the end. {A} took the paper from {Bhis} shaking hands and finished it for {Bhim}.",
            "Afterwards, when the others had gone back down for {drink} and stories, the two of them stayed by the fresh grave. The earth was still dark and loose. Somebody had left a {obj} on top of it.",
            "\"I keep thinking {C} is going to walk in,\" {B} said. \"Tell us we're idiots for crying.\" {A} didn't answer. There wasn't an answer. {AHe} just held on to {Bhim} while the sun went down.",
        ]),
    ],
    "grief": [
        (["Grief"], False, [
            "Grief, {A} learned, was not one thing. It was a hundred small things, each of them sharp: the second mug still in the cupboard, the name still in {Ahis} phone, the stupid song that came on the radio in the shop and made {Ahim} leave a full basket in the middle of the aisle and walk out.",
            "{AHe} stopped sleeping properly. {AHe} stopped going to {place}. {AHe} sat in the dark and missed {C} so much it felt like a physical weight on {Ahis} chest, pressing down.",
            "{B} didn't try to fix it. That was the thing {A} would always be grateful for, later. {B} just came round every evening with {food}, and sat with {Ahim}, and let {Ahim} talk about {C} when {Ahe} wanted to and be silent when {Ahe} didn't.",
            "\"It doesn't get smaller,\" {B} said once. \"The grief. You just get bigger around it.\" {A} didn't believe {Bhim}. But months later, laughing at something {C} would have loved, {Ahe} realised {B} had been right.",
        ]),
        (["Grief"], False, [
            "On the anniversary {A} went back to {place2} alone, or tried to. {B} followed at a distance and pretended to be interested in the view.",
            "The grief still came in waves. Most days now {A} could breathe through it. But here, where it had happened, it rose up over {Ahis} head and {Ahe} stood at the edge of the water mourning {C} as if it had all happened yesterday.",
            "After a while {B} gave up pretending and came to stand beside {Ahim}. {BHe} didn't say anything. {BHe} just slipped {Bhis} hand into {A}'s and stood there while {Ahe} wept.",
            "\"I miss {Cv},\" {A} said at last. \"I miss {Cv} every day.\" \"I know,\" said {B}. \"Me too.\"",
        ]),
    ],
    "war": [
        (["War"], False, [
            "The war had been going on for three years by the time {A} was sent to the front, and nobody at {place} pretended any more that it would be over by Christmas.",
            "The trenches were mud and rats and the smell of men who had not washed in weeks. At night the shelling never stopped; {A} learned to sleep through the guns, and then learned that {Ahe} couldn't sleep without them.",
            "{B} was in the same company. They had signed up on the same day, in the same queue, stupidly proud, and now they shared a dugout and a tin of bad {food} and the knowledge that every dawn attack might be the last.",
            "\"When this is over,\" {B} said one night, while the soldiers around them slept, \"I'm taking you somewhere quiet. No guns. No officers. Just sea.\" {A} didn't say *if*. {AHe} just said, \"All right,\" and held the promise like a lit match in the dark.",
        ]),
        (["War"], False, [
            "The siege of {place2} lasted forty-one days. {A} counted every one of them on the wall of the barracks with a stub of charcoal.",
            "The army outside the walls had more men and bigger guns and all the time in the world. Inside, there was not enough bread, not enough powder, and not enough soldiers to hold the line. Every morning there were fewer of them at muster.",
            "On the thirtieth day {B} was sent out with the night raid on the enemy cannons. {A} stood on the battlements until dawn watching the dark, and did not breathe properly until {Bhe} came limping back through the gate, filthy and grinning, with half the company behind {Bhim}.",
            "\"Told you,\" {B} said, and fell asleep standing up against {A}'s shoulder. Far off, the enemy guns began again.",
        ]),
    ],
    "drinking": [
        (["Alcohol Abuse"], True, [
            "{A} had been drunk for most of the week. {AHe} knew it, and {B} knew it, and neither of them had said it out loud.",
            "It started with a glass of {drink} to help {Ahim} sleep. Then two. Then a bottle, then the good stuff from the back of the cupboard, then whatever the shop on the corner had left. There were empties under the sink and empties in the bin and one rolling around in the back of the car.",
            "\"You're drinking again,\" {B} said at last, standing in the doorway at four in the afternoon while {A} poured another.",
            "\"I'm fine.\" {A}'s hands were shaking. \"It's just to take the edge off, {Bv}. It's not a problem. It's not a fucking problem.\" {B} took the glass out of {Ahis} hand, and poured it down the sink, and {A} put {Ahis} face in {Ahis} hands and didn't stop {Bhim}.",
        ]),
        (["Alcohol Abuse"], False, [
            "By the time {B} found {A} at the bar in {place2}, {Ahe} was six drinks in and starting on the seventh, and the barman was giving {B} a look that said *please take this one home*.",
            "\"Come on,\" {B} said. \"Let's go.\"",
            "\"Not drunk enough yet.\" {A} knocked back the glass. \"Gotta get drunk enough that I stop thinking about it. Every night. That's the trick. Drink till it goes quiet.\"",
            "{B} paid the tab and hauled {Ahim} out into the cold with an arm round {Ahis} waist. In the morning, when {A} woke up sick and ashamed, {B} was still there, and {Bhe} said, gently, \"We need to talk about the drinking.\"",
        ]),
    ],
    "panic": [
        (["Anxiety"], False, [
            "The panic attack hit {A} in the middle of {place}, in front of everyone, without any warning at all.",
            "One moment {Ahe} was fine. The next {Ahis} heart was going like a drum and {Ahe} couldn't get any air, couldn't see straight, {Ahis} hands tingling and {Ahis} chest so tight {Ahe} was sure {Ahe} was dying.",
            "{B} got {Ahim} out of there somehow, into a corridor, down onto the floor with {Ahis} back against the wall. \"Breathe with me,\" {B} said, pressing {A}'s hand flat to {Bhis} own chest. \"In for four. Hold. Out for four. You're safe. You're having a panic attack and it will pass.\"",
            "It passed. It took eleven minutes; {B} counted. Afterwards {A} sat there shaking and ashamed, and {B} sat with {Ahim}, and said it was nothing to be ashamed of, over and over, until {A} started to believe {Bhim}.",
        ]),
        (["Anxiety"], False, [
            "{A}'s anxiety was always worst at night. {AHe} lay awake running through every mistake {Ahe} had made that day, that week, that year, while {Ahis} heart raced and {Ahis} stomach churned.",
            "{AHe} had tried everything. Breathing exercises. Lists. The pills the doctor gave {Ahim}, which made {Ahim} feel like {Ahe} was underwater. Nothing stopped the spiralling, anxious noise in {Ahis} head for long.",
            "\"Talk to me,\" {B} said, the night {Bhe} finally caught {Ahim} at it, sitting on the bathroom floor at three in the morning with {Ahis} knees pulled up to {Ahis} chest.",
            "So {A} did. All of it. The worry and the dread and the constant fear that something awful was about to happen. {B} listened to every word. And when {A} ran out of words {B} said, \"Okay. Then we'll deal with it together,\" and somehow, impossibly, it helped.",
        ]),
    ],
    "depression": [
        (["Depression"], False, [
            "The depression came back in November, the way it always did, like weather.",
            "{A} stopped answering messages. {AHe} stopped getting dressed. {AHe} lay in bed at {place} for days at a time staring at the wall, not sad exactly, just empty, everything grey and heavy and pointless. Even getting up to eat felt like climbing a mountain.",
            "{B} let {Bhimself} in with the spare key on the fourth day. {BHe} didn't lecture. {BHe} opened the curtains a little, and made toast, and sat on the edge of the bed until {A} managed two bites.",
            "\"I'm sorry,\" {A} whispered. \"I'm so tired, {Bv}. I'm tired all the time.\" \"I know,\" {B} said. \"I'm not going anywhere. Tomorrow we'll call your doctor. Today you just have to eat the toast.\"",
        ]),
    ],
    "selfharm": [
        (["Self-Harm"], False, [
            "{B} found out about the cutting by accident, when {A}'s sleeve rode up while {Ahe} was reaching for a cup on the top shelf.",
            "The marks were neat and pale and parallel, some old and silver, some new and red and angry. {A} yanked the sleeve down fast, but not fast enough.",
            "\"How long,\" {B} said. Not angry. Just very quiet. \"How long have you been hurting yourself?\"",
            "\"Since before,\" {A} said to the floor. \"It helps. It makes it stop for a bit.\" {B} didn't shout, or cry, or make {Ahim} promise anything. {BHe} just took {Ahis} wrist very gently and held it, and said, \"Next time, come and find me first. Please. Every time,\" and {A}, after a long time, nodded.",
        ]),
    ],
    "kidnap": [
        (["Kidnapping"], False, [
            "{A} woke up in the dark with a headache like a split log, {Ahis} wrists tied behind {Ahim} and a sack over {Ahis} head that smelled of old potatoes.",
            "{AHe} had been taken from the road outside {place}, {Ahe} remembered that much: a cart, a blow to the back of the head, rough hands. {AHis} kidnappers were arguing somewhere nearby about ransom, and about how much {org} would pay to get {Ahim} back.",
            "It was two days before {B} found {Ahim}. Two days in a locked cellar with a bucket and a jug of water and nothing to do but listen for footsteps and wonder if anyone was looking.",
            "Then the door crashed open. \"{AU}!\" It was {B}, furious and white-faced, cutting the ropes with shaking hands. \"I've got you,\" {Bhe} said. \"I've got you. Nobody is ever taking you anywhere again.\"",
        ]),
        (["Kidnapping"], False, [
            "The note had been pushed under the door of {place} sometime after midnight. *We have {A}. No {org}. Come alone.*",
            "{B} read it four times. Then {Bhe} put on {Bhis} coat, took the {weapon}, and went out into the dark, alone, exactly as instructed, because {Bhe} could not think of anything else to do.",
            "They were holding {A} in an empty warehouse by the docks, tied to a chair, gagged, a bruise coming up purple across {Ahis} cheek. The kidnappers wanted money. {B} did not have money. What {Bhe} had was a very bad temper and a very good plan.",
            "It was over quickly. Afterwards, on the dock, with the abductors trussed up for the watch to collect, {A} leaned against {Bhim}, trembling. \"You came,\" {Ahe} said. \"Of course I came,\" said {B}. \"You absolute idiot. Of course I came.\"",
        ]),
    ],
    "homophobia": [
        (["Homophobia"], False, [
            "{A}'s father had never liked {B}. It took {A} years to understand why, and then, at a family dinner at {place}, he said it out loud.",
            "\"I won't have it under my roof,\" he said, very calmly, while everyone stared at their plates. \"Two men carrying on like that. It's unnatural. It's disgusting. I didn't raise you to be some kind of pervert.\"",
            "{A} put down {Ahis} fork. {AHis} hands were shaking, but {Ahis} voice wasn't. \"Then I won't be under your roof,\" {Ahe} said, and stood, and held out {Ahis} hand to {B} in front of all of them.",
            "Outside, in the cold, {B} held {Ahim} while {Ahe} shook. \"I'm sorry,\" {B} kept saying. \"I'm so sorry.\" \"Don't be,\" said {A}. \"I'm not ashamed of you. I'm ashamed of him.\"",
        ]),
    ],
    "misogyny": [
        (["Misogyny"], False, [
            "\"A woman's place,\" said the officer from {org}, looking {A} up and down, \"is not on a battlefield, sweetheart. Leave it to the men.\"",
            "{A} had heard it all before. That women were too emotional to lead. That a girl couldn't be trusted with a {weapon}. That she'd only got the post because somebody felt sorry for her, or because she'd slept her way into it. She had heard it every day since {place}.",
            "\"Say that again,\" said {B}, very quietly, from behind her. \"Go on. Tell her she's only good for cooking and breeding. I'd love to hear it.\"",
            "The man went red and muttered something about a joke. {A} didn't need defending; she'd have put him on his back herself in a second. But later, walking away, she let her shoulder bump {B}'s, and said, \"Thanks,\" and meant it.",
        ]),
    ],
    "ableism": [
        (["Ableism"], False, [
            "The man at the counter spoke to {B}, not to {A}. He had been doing it for five minutes, ever since {A} came in with {Ahis} cane.",
            "\"Does he need help with the form?\" he asked, loudly and slowly, as if {A} were a child or deaf or stupid. \"It's just, we don't usually get, you know. His sort. Cripples. Can he even manage the stairs?\"",
            "{A} had heard all of it before: that {Ahe} was a burden, that {Ahe} should be grateful anyone hired {Ahim}, that {Ahe} was brave for leaving the house. People treated {Ahis} disability as if it had eaten the rest of {Ahim}.",
            "\"He can hear you,\" {B} said coldly. \"He can also read, write, and file a complaint with your manager, which I think he's about to do.\" {A} took the pen, and did.",
        ]),
    ],
    "bullying": [
        (["Bullying"], False, [
            "At school they had called {A} names every day for three years. Freak. Loser. Worse things. They tripped {Ahim} in corridors and flushed {Ahis} books down the toilet and posted the photos where everyone could see.",
            "{AHe} never told anyone. {AHe} ate lunch alone in the library and counted the days until {Ahe} could leave, and told {Ahimself} that it didn't matter, that the bullies would forget {Ahim} the day after graduation.",
            "{B} was the first person who ever noticed. {BHe} sat down opposite {Ahim} in the library one wet Tuesday and said, \"Those pricks in the year above. They're bullying you.\" Not a question.",
            "\"It's fine,\" said {A}. \"It isn't,\" said {B}, and the next day {Bhe} walked {Ahim} to every class, and the day after that, and every day until the name-calling stopped.",
        ]),
    ],
    "gun": [
        (["Gun Violence", "Blood"], False, [
            "The first shot took out the window. The second hit {A}.",
            "{AHe} felt it like a punch to the shoulder and then {Ahe} was on the floor of {place} with {Ahis} ears ringing and glass everywhere, and somewhere outside someone was still firing, round after round thudding into the walls.",
            "\"{AU}!\" {B} was shouting, dragging {Ahim} behind the counter. There was blood soaking through {Ahis} shirt, spreading fast, warm and sticky under {B}'s hands as {Bhe} pressed down hard on the bullet wound.",
            "\"Stay with me,\" {B} said, as the sirens started up in the distance and the shooter's car screeched away. \"Stay with me, {Av}. You don't get to die in a shootout over {food}. I won't allow it.\"",
        ]),
    ],
}

# Summaries, notes and titles. {a} {b} are the short names of the pairing, {ship} how fans
# write it, {fandom} how the author names the fandom.
SUMMARIES = [
    "{a} has a plan. {b} has a problem with the plan. Somewhere in between, they fall in love.",
    "Five times {a} almost told {b} the truth, and one time {a} finally did.",
    "After everything, {a} just wants a quiet life. {b} has never been quiet a day in their life.",
    "The one where {a} and {b} are stuck together for a week and absolutely nothing goes to plan.",
    "It starts with a broken {obj} and a very bad day. It ends somewhere neither of them expected.",
    "{a} didn't mean to fall for {b}. It just sort of happened, like weather.",
    "A story about {place}, second chances, and the people who stay.",
    "Some wounds don't close on their own. {b} is there anyway.",
    "{a} has been carrying this alone for too long. {b} would like a turn.",
    "Nobody warned {a} that the hardest part would be afterwards.",
    "Three winters, two bad decisions and one very small kitchen.",
    "{b} keeps turning up. {a} keeps letting {b} in. Neither of them is ready to say what that means.",
    "In which {a} is an idiot, {b} is worse, and everyone around them has had enough.",
    "A long night at {place}, and the things you only say in the dark.",
    "They said it would be over by morning. It wasn't.",
    "{a} and {b}, and the year everything changed.",
    "What happens after the story ends, when everyone has gone home except the two of them.",
    "Sometimes you save the world. Sometimes you just make it through Tuesday.",
    "Found family, bad coffee, and a {obj} that refuses to behave.",
    "{a} is fine. Really. Absolutely fine. ({a} is not fine.)",
]
NOTES = [
    "Written for the {fandom} Big Bang. Huge thanks to my beta, who caught every stray comma.",
    "This is my first fic in this fandom, so please be kind! {ship} has eaten my brain.",
    "For my best friend, who wanted {ship} and wouldn't stop asking. Here you go, you menace.",
    "Fill for a prompt on the kink meme that I lost the link to. Not beta read; all mistakes are mine.",
    "Set after canon, ignores the last season completely. Unbeta'd. Enjoy!",
    "I wrote this at 3am instead of studying for my exams, no regrets. Title from a song I had on repeat.",
    "Thank you to everyone on the discord who cheered me on! This one's for you.",
    "Been sitting on this one for a year. Finally finished it! Not canon compliant, I just wanted them happy.",
    "Gift for my secret santa! I hope you like it, I had so much fun with your prompt.",
    "Crossposted from my old LJ, lightly edited. Some things never change.",
    "Beta'd by the wonderful sunnydays. Any remaining mistakes are mine alone.",
    "I regret nothing. This started as a drabble and then it got out of hand.",
    "Day 3 of {fandom} Week: comfort. (I'm aware I'm late.)",
]
WARN_NOTES = [
    "Please mind the tags. This one gets dark.",
    "Heads up: this deals with some heavy stuff, see the tags. Take care of yourselves.",
    "CW for the things in the tags. Stay safe.",
]
END_NOTES = [
    "Thank you so much for reading! Comments and kudos make my day.",
    "Thanks for reading! Come say hi on tumblr, I don't bite.",
    "That's all for now! Let me know what you thought, I read every comment.",
    "Thank you for reading, you lovely people. See you next time!",
    "The end! Kudos are love, comments are life.",
]
FFN_END_NOTES = [
    "Please review! Reviews make me update faster.",
    "R&R please! Flames will be used to roast marshmallows.",
    "Thanks for reading! Don't forget to review, it only takes a second.",
    "Review and tell me what you think! Until next time!",
]
FFN_CHAPTER_NOTES = [
    "Thanks for all the reviews on the last chapter! You guys are amazing.",
    "Sorry this took so long, real life got in the way. Here's the next bit!",
    "Shout out to everyone who favourited and followed! This one's for you.",
    "Short one this time, longer chapter coming soon I promise.",
]
DISCLAIMERS = [
    "I don't own {fandom}. If I did, things would have gone very differently.",
    "{fandom} and all its characters belong to their creators. I'm just playing in the sandbox.",
    "I own nothing but the plot. {fandom} isn't mine, sadly.",
]
TITLES = [
    "The Long Way Home", "Salt and Ash", "What We Carry", "Small Hours", "Weatherproof",
    "Where the Light Gets In", "Slow Burn", "The Quiet Part", "Everything After", "Kindling",
    "Hold Fast", "A Place to Land", "Northbound", "Tidewater", "The Last Good Summer",
    "Paper Cranes", "Borrowed Time", "Lanterns", "Glass Houses", "Undertow",
    "Every Road Home", "Smoke and Mirrors", "The Space Between", "Stay", "Winter Light",
    "Ways to Say It", "Dead Reckoning", "Fair Weather", "Lodestar", "Open Water",
    "Blue Hour", "Heartwood", "In the Margins", "Second Spring", "Quiet Fire",
    "The Weight of It", "Anchor Point", "Ashes, Ashes", "Night Shift", "Sunward",
    "Common Ground", "Firelight", "Out of the Rain", "Half a Heart", "The Tide Turns",
    "Salt in the Wound", "Somewhere Warm", "Keeping Watch", "All the Way Down", "Landfall",
]
CHAPTER_TITLES = [
    "Beginnings", "The Morning After", "Fault Lines", "Closer", "Storm Warning", "Static",
    "Homecoming", "Aftermath", "The Long Night", "First Light", "Crossroads", "Falling",
    "Embers", "Still Water", "The Thaw", "Ghosts",
]
