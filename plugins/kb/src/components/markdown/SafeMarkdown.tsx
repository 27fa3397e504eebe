import { Link } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import ReactMarkdown from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { IMAGE_SCHEMES, LINK_SCHEMES, safeUrl } from './safeUrl';

const useStyles = makeStyles(theme => ({
  markdown: {
    overflowWrap: 'anywhere',
    '& table': { borderCollapse: 'collapse', margin: theme.spacing(1, 0) },
    '& th, & td': {
      border: `1px solid ${theme.palette.divider}`,
      padding: theme.spacing(0.5, 1),
    },
    '& pre': {
      background: theme.palette.background.default,
      padding: theme.spacing(1),
      overflowX: 'auto',
    },
    '& img': { maxWidth: '100%' },
    '& blockquote': {
      borderLeft: `4px solid ${theme.palette.divider}`,
      margin: 0,
      paddingLeft: theme.spacing(2),
    },
  },
}));

/**
 * An article's markdown, safe whatever it contains: raw HTML is never
 * parsed (only the text between tags stays); the result is sanitised again
 * (GitHub's rules: no script, no event handlers, no style); links and
 * images keep only safe URLs (a link or image whose URL is refused shows
 * its text).
 */
export function SafeMarkdown(props: { children: string; testId?: string }) {
  const classes = useStyles();
  return (
    <div className={classes.markdown} data-testid={props.testId}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[rehypeSanitize]}
        transformLinkUri={url => safeUrl(url, LINK_SCHEMES)}
        transformImageUri={url => safeUrl(url, IMAGE_SCHEMES)}
        components={{
          a: ({ href, children }) =>
            href ? (
              <Link to={href} rel="noopener noreferrer nofollow">
                {children}
              </Link>
            ) : (
              <span>{children}</span>
            ),
          // An image whose URL was refused shows its description instead.
          img: ({ src, alt }) =>
            src ? <img src={src} alt={alt ?? ''} /> : <span>{alt}</span>,
        }}
      >
        {props.children}
      </ReactMarkdown>
    </div>
  );
}
