/** The /claimcheck slash command, as registered with Discord (register-commands.ts). */
import { type RESTPostAPIChatInputApplicationCommandsJSONBody, SlashCommandBuilder } from 'discord.js';
import { DIGEST_MAX_DAYS } from '../../pipeline/digest-service.js';

export const COMMAND_NAME = 'claimcheck';

export function claimcheckCommand(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return new SlashCommandBuilder()
    .setName(COMMAND_NAME)
    .setDescription('Check a link against the catalogue of known false claims, or look an entry up')
    .setDescriptionLocalizations({
      ru: 'Проверить ссылку по каталогу известных ложных утверждений или найти запись',
    })
    .addStringOption((o) =>
      o
        .setName('url')
        .setDescription('A link to an article or a Telegram post')
        .setDescriptionLocalizations({ ru: 'Ссылка на статью или пост в Telegram' })
        .setMaxLength(2000),
    )
    .addStringOption((o) =>
      o
        .setName('query')
        .setDescription('Words to search the catalogue for (English, Russian or Kazakh)')
        .setDescriptionLocalizations({
          ru: 'Слова для поиска по каталогу (русский, казахский или английский)',
        })
        .setMaxLength(200)
        .setAutocomplete(true),
    )
    .addStringOption((o) =>
      o
        .setName('id')
        .setDescription('A catalogue entry: start typing to pick one')
        .setDescriptionLocalizations({ ru: 'Запись каталога: начните вводить, чтобы выбрать' })
        .setMaxLength(100)
        .setAutocomplete(true),
    )
    .addStringOption((o) =>
      o
        .setName('settings')
        .setDescription('Show or change this server’s settings (admins): e.g. "language ru", "notes on"')
        .setDescriptionLocalizations({
          ru: 'Показать или изменить настройки сервера (админы): например, «language ru», «notes on»',
        })
        .setMaxLength(100),
    )
    .addStringOption((o) =>
      o
        .setName('missed')
        .setDescription('Missed a narrative? <link> <entry-id> [sentence]: what should have matched')
        .setDescriptionLocalizations({
          ru: 'Пропущен нарратив? <ссылка> <id-записи> [фраза]: что должно было совпасть',
        })
        .setMaxLength(1500),
    )
    .addIntegerOption((o) =>
      o
        .setName('digest')
        .setDescription('What the bot saw in this server in the last days (e.g. 7)')
        .setDescriptionLocalizations({ ru: 'Что бот видел на этом сервере за последние дни (например, 7)' })
        .setMinValue(1)
        .setMaxValue(DIGEST_MAX_DAYS),
    )
    .toJSON();
}
